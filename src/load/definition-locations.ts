/**
 * The file, line and column of a value a definition wrote (a DefinitionRef): the property of the
 * define call's object literal that set it, in the module that holds the call. Only findings that
 * are reported are looked up, so the parser (@babel/parser, for TypeScript) is loaded only then,
 * and each module is parsed once per process (again if it changed). The call site is already in
 * the module's own positions: the loader maps it through the source map (./modules.ts).
 *
 * A value built by code (a spread, a function call, a variable) has no literal property of its own:
 * it is located at the nearest enclosing literal property, else at the define call.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CallSite, DefinitionRef, SourceLocation } from '../core/findings';
import type { Node } from '@babel/types';

interface ParsedModule {
  source: string;
  /** every call expression, outermost first */
  calls: Node[];
  lineStarts: number[];
}

/** by file: the source last parsed, and what came of it (undefined: it does not parse) */
const modules = new Map<string, { source: string; parsed: ParsedModule | undefined }>();

/** Where the ref's value was written, relative to `cwd`; undefined when the module cannot tell. */
export function locateDefinitionRef(ref: DefinitionRef, cwd = process.cwd()): SourceLocation | undefined {
  const file = path.resolve(cwd, ref.call.file);
  const parsed = parsedModule(file);
  if (!parsed) return undefined;
  const call = callAt(parsed, ref.call);
  if (!call) return undefined;
  let best: Node = call;
  let node: Node | undefined = ref.argument === undefined ? undefined : argumentsOf(call)[ref.argument];
  if (node) best = node;
  for (const key of ref.argument === undefined ? [] : ref.keyPath) {
    const child: Node | undefined = node ? memberOf(unwrapped(node), key) : undefined;
    if (!child) break;
    best = child;
    node = child.type === 'ObjectProperty' ? (child.value as Node) : child;
  }
  const start = best.loc!.start;
  return { file: path.relative(cwd, file), line: start.line, column: start.column + 1 };
}

function parsedModule(file: string): ParsedModule | undefined {
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const known = modules.get(file);
  if (known?.source === source) return known.parsed;
  const parsed = parse(file, source);
  modules.set(file, { source, parsed });
  return parsed;
}

function parse(file: string, source: string): ParsedModule | undefined {
  // loaded here only: most runs report no finding about a definition
  const { parse: parseSource } = require('@babel/parser') as typeof import('@babel/parser');
  let program: Node;
  try {
    program = parseSource(source, { sourceType: 'module', plugins: file.endsWith('x') ? ['typescript', 'jsx'] : ['typescript'] }).program;
  } catch {
    return undefined;
  }
  const calls: Node[] = [];
  walk(program, (node) => {
    if (node.type === 'CallExpression' || node.type === 'OptionalCallExpression') calls.push(node);
  });
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) lineStarts.push(i + 1);
  return { source, calls, lineStarts };
}

/** Every node of the tree, parents first. */
function walk(node: Node, visit: (node: Node) => void): void {
  visit(node);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc' || key.endsWith('Comments')) continue;
    for (const child of Array.isArray(value) ? value : [value]) {
      if (typeof child === 'object' && child !== null && typeof (child as Node).type === 'string') walk(child as Node, visit);
    }
  }
}

/** The innermost call expression at the call site's position in the source. */
function callAt(parsed: ParsedModule, site: CallSite): Node | undefined {
  const offset = (parsed.lineStarts[site.line - 1] ?? Number.NaN) + site.column - 1;
  let innermost: Node | undefined;
  for (const call of parsed.calls) if (call.start! <= offset && offset < call.end! && (!innermost || call.start! >= innermost.start!)) innermost = call;
  return innermost;
}

function argumentsOf(call: Node): Node[] {
  return call.type === 'CallExpression' || call.type === 'OptionalCallExpression' ? (call.arguments as Node[]) : [];
}

/** `x as T`, `x satisfies T`, `(x)`, `x!` are x. */
function unwrapped(node: Node): Node {
  let current = node;
  while (current.type === 'TSAsExpression' || current.type === 'TSSatisfiesExpression' || current.type === 'TSNonNullExpression' || current.type === 'ParenthesizedExpression' || current.type === 'TSTypeAssertion') {
    current = current.expression as Node;
  }
  return current;
}

/** The property (of an object literal) or element (of an array literal) `key` names, if written there. */
function memberOf(node: Node, key: string | number): Node | undefined {
  if (node.type === 'ObjectExpression') {
    let found: Node | undefined;
    for (const property of node.properties) {
      if ((property.type === 'ObjectProperty' || property.type === 'ObjectMethod') && !property.computed && keyName(property.key as Node) === String(key)) found = property;
    }
    return found;
  }
  if (node.type === 'ArrayExpression') {
    const index = Number(key);
    const before = node.elements.slice(0, index + 1);
    // after a spread, the index no longer says which element it is
    if (!Number.isInteger(index) || before.some((element) => element === null || element.type === 'SpreadElement')) return undefined;
    return node.elements[index] as Node | undefined;
  }
  return undefined;
}

function keyName(key: Node): string | undefined {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'StringLiteral') return key.value;
  if (key.type === 'NumericLiteral') return String(key.value);
  return undefined;
}
