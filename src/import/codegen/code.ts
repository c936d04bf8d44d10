/**
 * A small model of the TypeScript import writes (object and array literals, calls, names) and
 * a printer in the style of the hand-written definitions: 2-space indent, single quotes,
 * trailing commas, a collection on one line when it fits and carries no comments.
 */

/** What definitions import the define functions and types from: calico-gen, by its package name. */
export const PACKAGE = 'calico-gen';

export type Code =
  | { kind: 'literal'; value: string | number | boolean | null }
  | { kind: 'raw'; text: string }
  | { kind: 'call'; callee: string; args: Code[] }
  | { kind: 'object'; entries: Entry[]; closingComments?: string[] }
  | { kind: 'array'; items: Item[] };

export interface Item {
  value: Code;
  /** comment lines printed above */
  comments?: string[];
  /** comment printed after the value, on its line */
  trailing?: string;
}

export interface Entry extends Item {
  key: string;
}

export const literal = (value: string | number | boolean | null): Code => ({ kind: 'literal', value });
export const raw = (text: string): Code => ({ kind: 'raw', text });
export const call = (callee: string, ...args: Code[]): Code => ({ kind: 'call', callee, args });

export const PRINT_WIDTH = 150;
const INDENT = '  ';

/** `value` printed as if it started at `column` of a line indented by `indent`. */
export function printCode(code: Code, indent = '', column = indent.length): string {
  const flat = printFlat(code);
  if (flat !== undefined && column + flat.length <= PRINT_WIDTH) return flat;
  switch (code.kind) {
    case 'call':
      return `${code.callee}(${code.args.map((arg, i) => printCode(arg, indent, column + code.callee.length + 1 + (i === 0 ? 0 : 2))).join(', ')})`;
    case 'object':
      return printBlock('{', '}', code.entries.map((entry) => ({ ...entry, prefix: `${propertyKey(entry.key)}: ` })), indent, code.closingComments);
    case 'array':
      return printBlock('[', ']', code.items.map((item) => ({ ...item, prefix: '' })), indent);
    default:
      return flat!;
  }
}

function printBlock(open: string, close: string, items: (Item & { prefix: string })[], indent: string, closingComments: string[] = []): string {
  const inner = indent + INDENT;
  const lines = [open];
  for (const item of items) {
    for (const comment of item.comments ?? []) lines.push(`${inner}${commentLine(comment)}`);
    const value = printCode(item.value, inner, inner.length + item.prefix.length);
    lines.push(`${inner}${item.prefix}${value},${item.trailing ? ` ${commentLine(item.trailing)}` : ''}`);
  }
  for (const comment of closingComments) lines.push(`${inner}${commentLine(comment)}`);
  lines.push(`${indent}${close}`);
  return lines.join('\n');
}

/** One line, or undefined when the code must be broken over lines (it carries comments). */
function printFlat(code: Code): string | undefined {
  switch (code.kind) {
    case 'literal':
      return typeof code.value === 'string' ? quote(code.value) : String(code.value);
    case 'raw':
      return code.text;
    case 'call': {
      const args = code.args.map(printFlat);
      return args.every((a) => a !== undefined) ? `${code.callee}(${args.join(', ')})` : undefined;
    }
    case 'object': {
      if (code.entries.length === 0 && !code.closingComments?.length) return '{}';
      if (code.closingComments?.length || code.entries.some(hasComments)) return undefined;
      const entries = code.entries.map((e) => {
        const value = printFlat(e.value);
        return value === undefined ? undefined : `${propertyKey(e.key)}: ${value}`;
      });
      return entries.every((e) => e !== undefined) ? `{ ${entries.join(', ')} }` : undefined;
    }
    case 'array': {
      if (code.items.some(hasComments)) return undefined;
      const items = code.items.map((i) => printFlat(i.value));
      return items.every((i) => i !== undefined) ? `[${items.join(', ')}]` : undefined;
    }
  }
}

function hasComments(item: Item): boolean {
  return Boolean(item.comments?.length || item.trailing);
}

/** A YAML comment's text as a `//` line: `## eqiad` and `# eqiad` both read `// eqiad`. */
export function commentLine(text: string): string {
  const body = text.replace(/^#*/, '').replace(/^ ?/, '').trimEnd();
  return body ? `// ${body}` : '//';
}

/** YAML comment text (lines joined by \n) → the lines to print. */
export function commentLines(text: string | undefined): string[] {
  const lines = (text ?? '').split('\n');
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
  return lines;
}

export function quote(text: string): string {
  const escaped = text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  // a string full of single quotes (a Calico selector) reads better in double quotes
  if (text.includes("'") && !text.includes('"')) return `"${escaped}"`;
  return `'${escaped.replace(/'/g, "\\'")}'`;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function propertyKey(key: string): string {
  return IDENTIFIER.test(key) ? key : quote(key);
}

/** `lsw1-c2-eqiad` → `lsw1C2Eqiad`, `ml-serve` → `mlServe`. */
export function camelCase(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((word, i) => (i === 0 ? word[0]!.toLowerCase() + word.slice(1) : word[0]!.toUpperCase() + word.slice(1))).join('');
  return /^[0-9]/.test(joined) ? `_${joined}` : joined || '_';
}
