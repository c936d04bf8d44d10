/**
 * Structure and positions in JSON text, found without building values: where a List's items start
 * and end (so each is parsed on its own), and where a field is (a warning needs its line). The
 * scans jump between quotes and brackets with native searches, not character by character.
 */

export interface TextPosition {
  /** 1-based */
  line: number;
  column: number;
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

function skipSpace(text: string, at: number): number {
  while (at < text.length && WHITESPACE.has(text.charCodeAt(at))) at++;
  return at;
}

/** End of the string starting at `at` (a `"`), just past its closing quote. */
function skipString(text: string, at: number): number {
  for (let quote = text.indexOf('"', at + 1); quote >= 0; quote = text.indexOf('"', quote + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
  }
  return text.length;
}

const STRUCTURE = /["{}[\]]/g;

/** End of the value starting at `at` (after whitespace). */
function skipValue(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c === 0x22) return skipString(text, at);
  if (c !== 0x7b && c !== 0x5b) {
    let i = at;
    while (i < text.length && !WHITESPACE.has(text.charCodeAt(i)) && !',]}'.includes(text[i]!)) i++;
    return i;
  }
  let depth = 0;
  STRUCTURE.lastIndex = at;
  for (let match = STRUCTURE.exec(text); match; match = STRUCTURE.exec(text)) {
    const d = text.charCodeAt(match.index);
    if (d === 0x22) STRUCTURE.lastIndex = skipString(text, match.index);
    else if (d === 0x7b || d === 0x5b) depth++;
    else if (--depth === 0) return match.index + 1;
  }
  return text.length;
}

/** Offset of the member `segment` of the container starting at `at` (of its key, with `key`), or -1. */
function child(text: string, at: number, segment: string, key = false): number {
  const open = text.charCodeAt(at);
  let i = skipSpace(text, at + 1);
  if (open === 0x5b) {
    const wanted = Number(segment);
    for (let index = 0; i < text.length && text[i] !== ']'; index++) {
      if (index === wanted) return i;
      i = skipSpace(text, skipValue(text, i));
      if (text[i] === ',') i = skipSpace(text, i + 1);
    }
    return -1;
  }
  if (open !== 0x7b) return -1;
  while (i < text.length && text[i] === '"') {
    const keyEnd = skipString(text, i);
    const name = JSON.parse(text.slice(i, keyEnd)) as string;
    const value = skipSpace(text, skipSpace(text, keyEnd) + 1);
    if (name === segment) return key ? i : value;
    i = skipSpace(text, skipValue(text, value));
    if (text[i] === ',') i = skipSpace(text, i + 1);
  }
  return -1;
}

/**
 * Offset of what `segments` point at below the value starting at `at`: a map member's key, an
 * array element's value; the deepest found when a segment is missing.
 */
export function offsetOf(text: string, at: number, segments: readonly string[], atKey = true): number {
  let position = skipSpace(text, at);
  let found = position;
  for (const segment of segments) {
    const next = child(text, position, segment);
    if (next < 0) break;
    found = text[position] === '{' && atKey ? child(text, position, segment, true) : next;
    position = next;
  }
  return atKey ? found : position;
}

export interface Span {
  start: number;
  end: number;
}

/** The array that member `key` of the top-level object holds, and its elements; undefined when there is none. */
export function arrayElements(text: string, key: string): { array: Span; elements: Span[] } | undefined {
  const start = skipSpace(text, 0);
  if (text[start] !== '{') return undefined;
  const array = child(text, start, key);
  if (array < 0 || text[array] !== '[') return undefined;
  const elements: Span[] = [];
  let i = skipSpace(text, array + 1);
  while (i < text.length && text[i] !== ']') {
    const end = skipValue(text, i);
    elements.push({ start: i, end });
    i = skipSpace(text, end);
    if (text[i] === ',') i = skipSpace(text, i + 1);
  }
  return { array: { start: array, end: i + 1 }, elements };
}

/** RFC 6901 pointer → segments. */
export function pointerSegments(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Line and column of an offset; counting from a known earlier position keeps repeated calls cheap. */
export function positionAt(text: string, offset: number, from: { offset: number; line: number } = { offset: 0, line: 1 }): TextPosition {
  let line = from.line;
  let lineStart = from.offset;
  for (let i = text.indexOf('\n', from.offset); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
