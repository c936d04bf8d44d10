/**
 * A YAML emitter for JSON-shaped data (maps, lists, strings, numbers, booleans, null), block
 * style, in insertion order. Written for speed: it is an order of magnitude faster than the `yaml`
 * package and js-yaml on a cluster's objects (bench/), and output is the largest per-cluster cost.
 *
 * Strings stay plain only when both YAML 1.1 (Helm's parser) and YAML 1.2 read them back as the
 * same string; anything else is double-quoted with JSON escapes, which YAML shares.
 */
import { memoiseByString } from '../util/memo';

/** Words YAML 1.1 reads as booleans or null (case-insensitively covers every spelling). */
const specialWords = new Set(['y', 'n', 'yes', 'no', 'true', 'false', 'on', 'off', 'null', '~', '']);
/** Anything made of these after a leading digit, sign or dot may be a 1.1 number, base-60 integer, or date. */
const numberLike = /^[-+.]?[0-9][-+0-9a-fA-FxXoObB_:.]*$|^[-+]?\.(inf|nan)$/i;
/** YAML 1.1 timestamps with a time part (the date-only form is already number-like). */
const timestamp = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \t]+)[0-9]/;
/** Printable ASCII without the characters that can start YAML syntax. */
const safePlain = /^[A-Za-z0-9_./(][\x20-\x7e]*$/;

export function needsQuotes(text: string): boolean {
  return (
    !safePlain.test(text) ||
    specialWords.has(text.toLowerCase()) ||
    numberLike.test(text) ||
    timestamp.test(text) ||
    text.startsWith('...') ||
    text.includes(': ') ||
    text.includes(' #') ||
    text.endsWith(':') ||
    text.endsWith(' ')
  );
}

/** strings as written, by string: a fleet's values and objects repeat the same few thousand */
const writtenString = memoiseByString((text: string) => (needsQuotes(text) ? JSON.stringify(text) : text), 50_000);

function scalar(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return writtenString(value);
    case 'number':
      if (Number.isFinite(value)) return String(value);
      return Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
    case 'boolean':
      return String(value);
    default:
      return 'null';
  }
}

function isCollection(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** A list without items, or a map without a key that holds something (a key holding undefined is not written). */
function isEmpty(value: object): boolean {
  if (Array.isArray(value)) return value.length === 0;
  for (const key of Object.keys(value)) if ((value as Record<string, unknown>)[key] !== undefined) return false;
  return true;
}

/** Lines of `value` at `indent`; a collection's first line may share the parent's `- ` prefix. */
function emit(value: unknown, indent: string, out: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isCollection(item) && !isEmpty(item)) {
        const start = out.length;
        emit(item, `${indent}  `, out);
        out[start] = `${indent}- ${out[start]!.slice(indent.length + 2)}`;
      } else {
        out.push(`${indent}- ${inline(item)}`);
      }
    }
    return;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) emitEntry(key, item, indent, out);
}

/** The lines of one key of a map. */
function emitEntry(key: string, item: unknown, indent: string, out: string[]): void {
  if (item === undefined) return;
  const name = scalar(key);
  if (isCollection(item) && !isEmpty(item)) {
    out.push(`${indent}${name}:`);
    emit(item, `${indent}  `, out);
  } else {
    out.push(`${indent}${name}: ${inline(item)}`);
  }
}

function inline(value: unknown): string {
  if (isCollection(value)) return Array.isArray(value) ? '[]' : '{}';
  return scalar(value);
}

/** One YAML document (no `---`), ending in a newline. */
export function toYaml(value: unknown): string {
  return toYamlLines(value).join('\n') + '\n';
}

/**
 * toYamlLines of two values, such as two revisions of a file: where a key holds the same on both
 * sides its lines are made once, and are the same strings on both, which a line diff compares at once.
 */
export function toYamlLinesPair(before: unknown, after: unknown): [string[], string[]] {
  if (!isFilledMap(before) || !isFilledMap(after)) return [toYamlLines(before), toYamlLines(after)];
  const lines: [string[], string[]] = [[], []];
  emitPair(before, after, '', lines);
  return lines;
}

function isFilledMap(value: unknown): value is Record<string, unknown> {
  return isCollection(value) && !Array.isArray(value) && !isEmpty(value);
}

function emitPair(before: Record<string, unknown>, after: Record<string, unknown>, indent: string, [outBefore, outAfter]: [string[], string[]]): void {
  const keys = Object.keys(before);
  if (!sameKeys(keys, Object.keys(after))) {
    emit(before, indent, outBefore);
    emit(after, indent, outAfter);
    return;
  }
  for (const key of keys) {
    const [was, is] = [before[key], after[key]];
    if (isFilledMap(was) && isFilledMap(is) && was !== is) {
      const line = `${indent}${scalar(key)}:`;
      outBefore.push(line);
      outAfter.push(line);
      emitPair(was, is, `${indent}  `, [outBefore, outAfter]);
      continue;
    }
    const start = outBefore.length;
    emitEntry(key, was, indent, outBefore);
    if (!sameShape(was, is)) emitEntry(key, is, indent, outAfter);
    else for (let i = start; i < outBefore.length; i++) outAfter.push(outBefore[i]!);
  }
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}

/** Whether two values are written the same: the same scalars, lists and maps, map keys in the same order. */
function sameShape(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (!isCollection(a) || !isCollection(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((item, i) => sameShape(item, (b as unknown[])[i]));
  const keys = Object.keys(a);
  const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>];
  return sameKeys(keys, Object.keys(b)) && keys.every((key) => sameShape(x[key], y[key]));
}

/** toYaml's lines, without their newlines. */
export function toYamlLines(value: unknown): string[] {
  if (!isCollection(value) || isEmpty(value)) return [inline(value)];
  const lines: string[] = [];
  emit(value, '', lines);
  return lines;
}
