/**
 * A JSON dump: one `JSON.parse` (the fastest reader there is), then one object at a time to the
 * visitor. Positions are found in the text only when a warning or an error needs one.
 */
import { UserError, describeError } from '../util/errors';
import type { SourceLocation } from '../validate/finding';
import type { ObjectOrigin } from './collect';
import { asKubeObject, EXPECTED, listShape, where, type VisitObject } from './dump-shape';
import { elementOffsets, offsetOf, pointerSegments, positionAt } from './json-locate';
import { isMap } from './read-block';

export function readJsonDump(text: string, file: string, visit: VisitObject): number {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw jsonSyntaxError(text, file, error);
  }
  const locator = new JsonLocator(text, file);
  if (!isMap(document)) throw new UserError(`${file}: not a Kubernetes object or List but ${Array.isArray(document) ? 'a list' : JSON.stringify(document)}: ${EXPECTED}`);
  const shape = listShape(document);
  const items = shape ? (document.items as unknown[]) : [document];
  items.forEach((item, index) => {
    const path = shape ? ['items', String(index)] : [];
    const origin: ObjectOrigin = { locate: (pointer) => locator.locate(path, pointerSegments(pointer)) };
    visit(asKubeObject(item, shape ?? {}, () => where(locator.locate(path, []), file)), origin);
  });
  return items.length;
}

class JsonLocator {
  private items?: number[];
  /** positions already counted, so many warnings do not recount the file from the start */
  private readonly known: { offset: number; line: number }[] = [{ offset: 0, line: 1 }];

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {}

  locate(itemPath: readonly string[], pointer: readonly string[]): SourceLocation {
    const start = itemPath.length === 0 ? 0 : (this.items ??= elementOffsets(this.text, ['items']))[Number(itemPath[1])] ?? 0;
    const offset = offsetOf(this.text, start, pointer);
    const from = this.known.filter((k) => k.offset <= offset).reduce((a, b) => (b.offset > a.offset ? b : a));
    const position = positionAt(this.text, offset, from);
    this.known.push({ offset: offset - position.column + 1, line: position.line });
    return { file: this.file, ...position };
  }
}

/** V8 says `… in JSON at position N` (Node 20) or `(line L column C)` (later Node releases). */
function jsonSyntaxError(text: string, file: string, error: unknown): UserError {
  const message = describeError(error).split('\n')[0]!;
  const reason = message.replace(/ in JSON at position \d+.*$/, '').replace(/ \(line \d+ column \d+\)$/, '').replace(/, ".*" is not valid JSON$/, '');
  const at = /at position (\d+)/.exec(message);
  const lineColumn = /\(line (\d+) column (\d+)\)/.exec(message);
  const position = at ? positionAt(text, Number(at[1])) : lineColumn ? { line: Number(lineColumn[1]), column: Number(lineColumn[2]) } : undefined;
  return new UserError(`${file}${position ? `:${position.line}:${position.column}` : ''}: not valid JSON: ${reason}`);
}
