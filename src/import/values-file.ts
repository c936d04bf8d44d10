/**
 * One helmfile values file, parsed as Helm parses it (YAML 1.1, merge keys), keeping what import
 * needs to point back at it: the line of every key and the comments around it.
 */
import { readInputText } from '../util/input-file';
import { yamlValue } from '../util/yaml-value';
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from 'yaml';
import { ImportFailed, type ImportProblem } from './errors';
import { isPlainMap } from '../util/merge';

export type KeyPath = readonly (string | number)[];

const ERRORS_SHOWN = 5;

export interface Comments {
  /** comment lines above the key (or list item) */
  before?: string;
  /** comment at the end of the value's line */
  trailing?: string;
  /** comment lines after the last entry of a map or list */
  closing?: string;
}

export interface ValuesFile {
  /** path as shown to the user */
  file: string;
  data: Record<string, unknown>;
  /** 1-based line of the key at `path`, or of its nearest ancestor found in the file */
  lineOf(path: KeyPath): number | undefined;
  commentsOf(path: KeyPath): Comments;
  /** comment lines after the last key of the document */
  trailingComment?: string;
}

export function readValuesFile(file: string, display: string, maxInputBytes?: number): ValuesFile {
  const read = readInputText(file, maxInputBytes);
  if ('reason' in read) throw new ImportFailed([{ file: display, keyPath: '', message: `cannot be read: it ${read.reason}` }]);
  return parseValues(read.text, display);
}

export function parseValues(source: string, display: string): ValuesFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { version: '1.1', merge: true, lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const problems = doc.errors.slice(0, ERRORS_SHOWN).map((error): ImportProblem => ({
      file: display,
      keyPath: '',
      line: lineCounter.linePos(error.pos[0]).line,
      message: `not valid YAML: ${error.message.split('\n')[0]!.slice(0, 200)}`,
    }));
    // garbage (a binary file, the wrong file) has thousands: the first few tell the story
    const more = doc.errors.length - ERRORS_SHOWN;
    if (more > 0) problems.push({ file: display, keyPath: '', message: `… and ${more.toLocaleString('en-US')} more YAML errors in ${display}: is it the values file you meant?` });
    throw new ImportFailed(problems);
  }
  const built = yamlValue(doc);
  if ('reason' in built) throw new ImportFailed([{ file: display, keyPath: '', line: 1, message: `not valid YAML: ${built.reason}` }]);
  const data = built.value ?? {};
  if (!isPlainMap(data)) {
    throw new ImportFailed([{ file: display, keyPath: '', line: 1, message: 'a values file must be a map of keys' }]);
  }
  const lineOfOffset = (offset: number) => lineCounter.linePos(offset).line;
  return {
    file: display,
    data,
    lineOf: (path) => {
      const found = locate(doc, path);
      const node = found.pair?.key ?? found.node;
      const range = (node as Node | undefined)?.range;
      return range ? lineOfOffset(range[0]) : undefined;
    },
    commentsOf: (path) => commentsAt(doc, path),
    trailingComment: doc.comment ?? undefined,
  };
}

interface Located {
  /** the deepest node reached along the path */
  node: unknown;
  /** the pair holding the last map key reached, if the path ended on one */
  pair?: Pair;
  /** the collection holding `node`, and its position in it */
  parent?: unknown;
  index?: number;
  /** whether the whole path was found */
  complete: boolean;
}

function locate(doc: Document, path: KeyPath): Located {
  let node: unknown = doc.contents;
  let located: Located = { node, complete: path.length === 0 };
  for (const [depth, segment] of path.entries()) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const index = node.items.findIndex((pair) => isScalar(pair.key) && String(pair.key.value) === String(segment));
      if (index < 0) return { ...located, complete: false };
      const pair = node.items[index]!;
      located = { node: pair.value, pair, parent: node, index, complete: depth === path.length - 1 };
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      located = { node: node.items[segment], parent: node, index: segment, complete: depth === path.length - 1 };
      node = node.items[segment];
    } else {
      return { ...located, complete: false };
    }
  }
  return located;
}

/**
 * The yaml library hangs a comment above the first entry of a collection on the collection
 * itself, and one above a later entry on that entry's key: look in both places.
 */
function commentsAt(doc: Document, path: KeyPath): Comments {
  const found = locate(doc, path);
  if (!found.complete) return {};
  const comments: Comments = {};
  const holder = found.pair ? (found.pair.key as Node) : (found.node as Node | undefined);
  let before = holder?.commentBefore ?? undefined;
  if (!before && found.index === 0) before = (found.parent as Node | undefined)?.commentBefore ?? undefined;
  // above a document's first key, earlier paragraphs are the file's preamble, not the key's comment
  if (before && path.length === 1 && found.index === 0) before = before.split(/\n\s*\n/).pop();
  if (before) comments.before = before;
  const value = found.node as Node | undefined;
  if (value && isScalar(value) && value.comment) comments.trailing = value.comment;
  if (value && (isMap(value) || isSeq(value)) && value.comment) comments.closing = value.comment;
  return comments;
}

/** Whether `path` exists in the data (a `~` counts: it is a deliberate removal). */
export function hasPath(data: unknown, path: KeyPath): boolean {
  let node = data;
  for (const segment of path) {
    if (isPlainMap(node) && Object.prototype.hasOwnProperty.call(node, segment)) node = node[segment as string];
    else if (Array.isArray(node) && typeof segment === 'number' && segment < node.length) node = node[segment];
    else return false;
  }
  return true;
}

export function valueAt(data: unknown, path: KeyPath): unknown {
  let node = data;
  for (const segment of path) {
    if (isPlainMap(node)) node = node[segment as string];
    else if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
    else return undefined;
  }
  return node;
}
