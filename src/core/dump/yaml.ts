/**
 * A YAML dump, as `kubectl get -o yaml` prints it (a List whose items start with `- ` in column 0)
 * or as several such documents. Each item is parsed on its own with js-yaml: a 5,000-node dump is
 * then never one tree in memory, and every object knows the line it starts on. A document in any
 * other layout is parsed whole, with the same results.
 */
import { CORE_SCHEMA, load, loadAll, YAMLException } from 'js-yaml';
import { isMap as isYamlMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { UserError } from '../../util/errors';
import type { SourceLocation } from '../findings';
import { asKubeObject, listShape, where, type ListShape, type ObjectOrigin, type VisitObject } from './shape';
import { pointerSegments, positionAt } from './locate';
import { isMap } from '../../util/json';

/** More aliases than any dump needs is an alias bomb. */
const LOAD_OPTIONS = { schema: CORE_SCHEMA, maxAliases: 1000 };
/** Documents up to this size are re-read with positions to locate a warning; larger ones give their start line. */
const LOCATABLE_DOCUMENT = 4 << 20;

interface Span {
  start: number;
  end: number;
}

export function readYamlDump(text: string, file: string, visit: VisitObject): number {
  const lines = new LineFinder(text);
  let objects = 0;
  for (const document of documentSpans(text)) {
    const items = listItemSpans(text, document);
    objects += items ? readItems(text, file, document, items, lines, visit) : readWhole(text, file, document, lines, visit);
  }
  return objects;
}

/** Documents split at `---` and `...` lines; each keeps its own `---` line. */
function documentSpans(text: string): Span[] {
  const spans: Span[] = [];
  const marker = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm;
  let start = 0;
  for (let match = marker.exec(text); match; match = marker.exec(text)) {
    if (match.index > start) spans.push({ start, end: match.index });
    start = match[0] === '...' ? text.indexOf('\n', match.index) + 1 || text.length : match.index;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

interface ItemSpans {
  /** the document without its items: `items: []` in their place */
  rest: string;
  items: Span[];
}

/** kubectl's List layout: `items:` then entries starting with `- ` in column 0; undefined for any other layout. */
function listItemSpans(text: string, document: Span): ItemSpans | undefined {
  const columnZero = /^[^ \t\r\n#]/gm;
  columnZero.lastIndex = document.start;
  let itemsLine = -1;
  let itemsEnd = document.end;
  const items: Span[] = [];
  for (let match = columnZero.exec(text); match && match.index < document.end; match = columnZero.exec(text)) {
    const at = match.index;
    if (itemsLine < 0) {
      if (/^items:[ \t]*(?:#.*)?\r?$/.test(lineAt(text, at))) itemsLine = at;
      continue;
    }
    const next = text.charCodeAt(at + 1);
    if (text[at] !== '-' || !(next === 0x20 || next === 0x0a || next === 0x0d || at + 1 === document.end)) {
      itemsEnd = at;
      break;
    }
    if (items.length > 0) items[items.length - 1]!.end = at;
    items.push({ start: at, end: document.end });
  }
  if (itemsLine < 0 || items.length === 0) return undefined;
  items[items.length - 1]!.end = itemsEnd;
  return { rest: `${text.slice(document.start, itemsLine)}items: []\n${text.slice(itemsEnd, document.end)}`, items };
}

function lineAt(text: string, at: number): string {
  const end = text.indexOf('\n', at);
  return text.slice(at, end < 0 ? text.length : end);
}

function readItems(text: string, file: string, document: Span, spans: ItemSpans, lines: LineFinder, visit: VisitObject): number {
  const shape = listHead(spans.rest);
  if (!shape) return readWhole(text, file, document, lines, visit);
  for (const span of spans.items) {
    const value = parseYaml(text.slice(span.start, span.end), file, () => lines.lineOf(span.start), () => crossReference(text, file, document, lines));
    const at = () => ({ file, line: lines.lineOf(span.start), column: 3 });
    const origin: ObjectOrigin = { locate: (pointer) => locateInYaml(text.slice(span.start, span.end), ['0', ...pointerSegments(pointer)], file, lines.lineOf(span.start)) ?? at() };
    visit(asKubeObject((value as unknown[])[0], shape, () => where(at(), file)), origin);
  }
  return spans.items.length;
}

/** The List around the items (read with `items: []`); undefined when that is no List, or not valid YAML there (read whole, the error is located right). */
function listHead(rest: string): ListShape | undefined {
  try {
    const head = loadAll(rest, LOAD_OPTIONS)[0];
    return isMap(head) ? listShape(head) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An item that does not parse on its own but whose document does: it refers to another item
 * (YAML anchors and aliases). kubectl writes none; such a file did not come from it.
 */
function crossReference(text: string, file: string, document: Span, lines: LineFinder): UserError | undefined {
  try {
    load(text.slice(document.start, document.end), LOAD_OPTIONS);
  } catch {
    return undefined;
  }
  return new UserError(`${file}:${lines.lineOf(document.start)}: the List's items refer to each other through YAML anchors and aliases, which kubectl never writes: save the dump with kubectl get … -o yaml (or -o json)`);
}

function readWhole(text: string, file: string, document: Span, lines: LineFinder, visit: VisitObject): number {
  const source = text.slice(document.start, document.end);
  const value = parseYaml(source, file, () => lines.lineOf(document.start));
  if (value === null || value === undefined) return 0;
  const shape: ListShape | undefined = isMap(value) ? listShape(value) : undefined;
  const items = shape ? (value as { items: unknown[] }).items : [value];
  const start = (): SourceLocation => ({ file, line: lines.lineOf(document.start) });
  items.forEach((item, index) => {
    const path = shape ? ['items', String(index)] : [];
    const locate = (segments: string[]) => (source.length <= LOCATABLE_DOCUMENT ? locateInYaml(source, [...path, ...segments], file, lines.lineOf(document.start)) : undefined) ?? start();
    visit(asKubeObject(item, shape ?? {}, () => where(locate([]), file)), { locate: (pointer) => locate(pointerSegments(pointer)) });
  });
  return items.length;
}

/** js-yaml's value of one document (undefined when it holds only comments), or one located line. */
function parseYaml(source: string, file: string, firstLine: () => number, explain?: () => UserError | undefined): unknown {
  try {
    return loadAll(source, LOAD_OPTIONS)[0];
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const better = explain?.();
    if (better) throw better;
    const mark = error.mark;
    const at = mark ? `:${firstLine() + mark.line}:${mark.column + 1}` : '';
    throw new UserError(`${file}${at}: not valid YAML: ${error.reason}`);
  }
}

/**
 * The line and column of what `segments` point at in a (small) YAML text, through the yaml
 * package's positions: a map member's key, a list element's value; the deepest found when a
 * segment is missing.
 */
function locateInYaml(source: string, segments: readonly string[], file: string, firstLine: number): SourceLocation | undefined {
  const counter = new LineCounter();
  const document = parseDocument(source, { lineCounter: counter });
  let node: unknown = document.contents;
  let at: number | undefined = isNode(node) ? node.range?.[0] : undefined;
  for (const segment of segments) {
    if (isYamlMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment);
      if (!pair) break;
      at = isNode(pair.key) ? pair.key.range?.[0] : at;
      node = pair.value;
    } else if (isSeq(node) && /^\d+$/.test(segment) && Number(segment) < node.items.length) {
      node = node.items[Number(segment)];
      at = isNode(node) ? node.range?.[0] : at;
    } else break;
  }
  if (at === undefined) return undefined;
  const position = counter.linePos(at);
  return { file, line: firstLine + position.line - 1, column: position.col };
}

/** Line numbers of offsets, counted forward from the last one asked (items are read in order). */
class LineFinder {
  private offset = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  lineOf(offset: number): number {
    if (offset < this.offset) {
      this.offset = 0;
      this.line = 1;
    }
    const position = positionAt(this.text, offset, { offset: this.offset, line: this.line });
    this.offset = offset - position.column + 1;
    this.line = position.line;
    return position.line;
  }
}
