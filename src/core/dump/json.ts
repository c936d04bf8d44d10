/**
 * A JSON dump. A List's items are found in the text and parsed one by one with `JSON.parse`, so
 * the whole dump is never one tree in memory (a 5,000-node cluster's tree costs more in garbage
 * collection than in parsing); anything else is parsed whole. Positions are looked up in the text
 * only when a warning or an error needs one.
 */
import { UserError, describeError } from '../../util/errors';
import type { SourceLocation } from '../findings';
import { asKubeObject, listShape, NotObjects, where, type ListShape, type VisitObject } from './shape';
import { arrayElements, offsetOf, pointerSegments, positionAt, type Span } from './locate';
import { isMap } from '../../util/json';

export function readJsonDump(text: string, file: string, visit: VisitObject): number {
  const list = arrayElements(text, 'items');
  const shape = list ? listShapeAround(text, list.array) : undefined;
  if (!list || !shape) return readWhole(text, file, visit);
  const locator = new JsonLocator(text, file);
  for (const span of list.elements) {
    const item = parseItem(text, file, span);
    visit(asKubeObject(item, shape, () => where(locator.at(span.start, []), file)), { locate: (pointer) => locator.at(span.start, pointerSegments(pointer)) });
  }
  return list.elements.length;
}

/** The List around the items, parsed with an empty items array; undefined when that is not a List. */
function listShapeAround(text: string, items: Span): ListShape | undefined {
  try {
    const head = JSON.parse(`${text.slice(0, items.start)}[]${text.slice(items.end)}`) as unknown;
    return isMap(head) ? listShape(head) : undefined;
  } catch {
    return undefined;
  }
}

function parseItem(text: string, file: string, span: Span): unknown {
  try {
    return JSON.parse(text.slice(span.start, span.end));
  } catch (error) {
    // the whole text says where it breaks in the file's own terms
    try {
      JSON.parse(text);
    } catch (whole) {
      throw jsonSyntaxError(text, file, whole);
    }
    throw jsonSyntaxError(text, file, error, span.start);
  }
}

function readWhole(text: string, file: string, visit: VisitObject): number {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw jsonSyntaxError(text, file, error);
  }
  if (!isMap(document)) throw new NotObjects(`${file}: not a Kubernetes object or List but ${Array.isArray(document) ? 'a list' : JSON.stringify(document)?.slice(0, 60)}`);
  const locator = new JsonLocator(text, file);
  const shape = listShape(document);
  const items = shape ? (document.items as unknown[]) : [document];
  let starts: number[] | undefined;
  const startOf = (index: number) => (shape ? (starts ??= (arrayElements(text, 'items')?.elements ?? []).map((span) => span.start))[index] ?? 0 : 0);
  items.forEach((item, index) => {
    visit(asKubeObject(item, shape ?? {}, () => where(locator.at(startOf(index), []), file)), { locate: (pointer) => locator.at(startOf(index), pointerSegments(pointer)) });
  });
  return items.length;
}

class JsonLocator {
  /** positions already counted (line starts), so many warnings do not recount the file from its start */
  private readonly known: { offset: number; line: number }[] = [{ offset: 0, line: 1 }];

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {}

  /** Where `pointer` points below the value starting at `start`. */
  at(start: number, pointer: readonly string[]): SourceLocation {
    const offset = offsetOf(this.text, start, pointer);
    const from = this.known.filter((k) => k.offset <= offset).reduce((a, b) => (b.offset > a.offset ? b : a));
    const position = positionAt(this.text, offset, from);
    this.known.push({ offset: offset - position.column + 1, line: position.line });
    return { file: this.file, ...position };
  }
}

/** V8 says `… in JSON at position N` (Node 20) or `(line L column C)` (later Node releases). */
function jsonSyntaxError(text: string, file: string, error: unknown, offset = 0): UserError {
  const message = describeError(error).split('\n')[0]!;
  const reason = message.replace(/ in JSON at position \d+.*$/, '').replace(/ \(line \d+ column \d+\)$/, '').replace(/, ".*" is not valid JSON$/, '');
  const at = /at position (\d+)/.exec(message);
  const lineColumn = /\(line (\d+) column (\d+)\)/.exec(message);
  const position = at ? positionAt(text, offset + Number(at[1])) : lineColumn && offset === 0 ? { line: Number(lineColumn[1]), column: Number(lineColumn[2]) } : undefined;
  return new UserError(`${file}${position ? `:${position.line}:${position.column}` : ''}: not valid JSON: ${reason}`);
}
