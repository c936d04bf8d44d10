/**
 * YAML with a location for every key: JSON pointer → line and column of the key (of the item, in a
 * list), so that a finding about a value names the place it was written. Parsed as YAML 1.1, as
 * Helm and kubectl read it (`on`/`yes` are booleans, `<<` merges).
 */
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node } from 'yaml';
import { yamlValue } from '../util/yaml-value';

export interface Position {
  line: number;
  column: number;
}

export interface LocatedDocument {
  /** the document as plain data (undefined for an empty document) */
  data: unknown;
  /** pointer → position; '' is the document's start */
  positions: Map<string, Position>;
}

/** A document that cannot be read: a syntax error, or a value that cannot be built (an alias bomb). */
export interface YamlError {
  /** the whole sentence: `YAML syntax error: …` */
  message: string;
  position: Position;
}

export interface ParsedYaml {
  documents: LocatedDocument[];
  errors: YamlError[];
}

/** Errors shown per file: garbage (a binary file, the wrong file) has thousands, and the first few tell the story. */
export const ERRORS_SHOWN_PER_FILE = 5;

/** The errors to show, and a line for the rest (`… and 1,995 more YAML errors in x.yaml`). */
export function firstErrors(errors: readonly YamlError[], file: string): { shown: YamlError[]; rest?: string } {
  if (errors.length <= ERRORS_SHOWN_PER_FILE) return { shown: [...errors] };
  const more = errors.length - ERRORS_SHOWN_PER_FILE;
  return { shown: errors.slice(0, ERRORS_SHOWN_PER_FILE), rest: `… and ${more.toLocaleString('en-US')} more YAML errors in ${file}: is it the YAML file you meant?` };
}

export function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function parseLocatedYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const documents: LocatedDocument[] = [];
  const errors: YamlError[] = [];
  for (const document of parseAllDocuments(text, { version: '1.1', lineCounter, prettyErrors: false })) {
    if (!('errors' in document)) continue; // an EmptyStream
    for (const error of document.errors) {
      errors.push({ message: `YAML syntax error: ${shortened(error.message.split('\n')[0]!)}`, position: toPosition(lineCounter, error.pos[0]) });
    }
    if (document.errors.length > 0) continue;
    const built = yamlValue(document);
    if ('reason' in built) {
      // an alias bomb, or an alias without its anchor: the document cannot be read at all
      errors.push({ message: `cannot be read: ${built.reason}`, position: toPosition(lineCounter, document.contents?.range?.[0] ?? 0) });
      continue;
    }
    documents.push({ data: built.value ?? undefined, positions: locate(document, lineCounter) });
  }
  // the parser reports errors by kind, not by place: the first ones in the file are the ones to show
  errors.sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column);
  return { documents, errors };
}

/** The parser quotes the source around an error: on a line of garbage that may be the whole line. */
function shortened(message: string): string {
  return message.length > 200 ? `${message.slice(0, 200)}…` : message;
}

function toPosition(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function locate(document: Document, lineCounter: LineCounter): Map<string, Position> {
  const positions = new Map<string, Position>();
  const start = document.contents?.range?.[0] ?? 0;
  positions.set('', toPosition(lineCounter, start));
  const walk = (node: unknown, pointer: string): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as Node | null;
        const keyRange = keyNode && 'range' in keyNode ? keyNode.range : undefined;
        if (isScalar(keyNode) && isMergeKey(keyNode.value)) {
          // merged keys have no place of their own: point at the `<<` that brought them in
          mergedKeys(pair.value, document).forEach((key) => {
            const child = `${pointer}/${escapePointer(key)}`;
            if (!positions.has(child) && keyRange) positions.set(child, toPosition(lineCounter, keyRange[0]));
          });
          continue;
        }
        if (!isScalar(keyNode) || !keyRange) continue;
        const child = `${pointer}/${escapePointer(String(keyNode.value))}`;
        positions.set(child, toPosition(lineCounter, keyRange[0]));
        walk(pair.value, child);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const child = `${pointer}/${index}`;
        const range = item && typeof item === 'object' && 'range' in item ? (item as Node).range : undefined;
        if (range) positions.set(child, toPosition(lineCounter, range[0]));
        walk(item, child);
      });
    }
  };
  walk(document.contents, '');
  return positions;
}

/** YAML 1.1's `<<` key: the yaml package reads it as a symbol (a string `<<` when quoted is a plain key). */
function isMergeKey(value: unknown): boolean {
  return typeof value === 'symbol' && value.description === '<<';
}

function mergedKeys(value: unknown, document: Document): string[] {
  const sources = isSeq(value) ? value.items : [value];
  const keys: string[] = [];
  for (const source of sources) {
    const target = isAlias(source) ? source.resolve(document) : source;
    if (!isMap(target)) continue;
    for (const pair of target.items) {
      if (isPair(pair) && isScalar(pair.key)) keys.push(String(pair.key.value));
    }
  }
  return keys;
}

/** The position of the pointer, or of its nearest ancestor that has one. */
export function positionOf(document: LocatedDocument, pointer: string): Position | undefined {
  let current = pointer;
  for (;;) {
    const position = document.positions.get(current);
    if (position || current === '') return position;
    current = current.slice(0, current.lastIndexOf('/'));
  }
}
