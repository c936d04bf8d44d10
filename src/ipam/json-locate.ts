/**
 * Positions inside JSON text, found without building values: `JSON.parse` keeps none, and a
 * warning about one field of one object in a large dump needs its line. Only called for warnings,
 * so it scans text on demand; item offsets are scanned once and kept.
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
  for (let i = at + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x22) return i + 1;
  }
  return text.length;
}

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
  for (let i = at; i < text.length; i++) {
    const d = text.charCodeAt(i);
    if (d === 0x22) i = skipString(text, i) - 1;
    else if (d === 0x7b || d === 0x5b) depth++;
    else if ((d === 0x7d || d === 0x5d) && --depth === 0) return i + 1;
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

/** Offsets of each element of the array at `segments` (the items of a List). */
export function elementOffsets(text: string, segments: readonly string[]): number[] {
  const array = offsetOf(text, 0, segments, false);
  if (text[array] !== '[') return [];
  const offsets: number[] = [];
  let i = skipSpace(text, array + 1);
  while (i < text.length && text[i] !== ']') {
    offsets.push(i);
    i = skipSpace(text, skipValue(text, i));
    if (text[i] === ',') i = skipSpace(text, i + 1);
  }
  return offsets;
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
