/**
 * What a dump holds, whatever its syntax: a List's items (items of a typed list such as `NodeList`
 * may lack apiVersion and kind), or single objects. Bad shapes are one located line.
 */
import { UserError } from '../../util/errors';
import { isMap } from '../../util/json';
import type { SourceLocation } from '../findings';

/** Where an object was read; `locate` finds a field inside it, and is only called for a warning. */
export interface ObjectOrigin {
  source?: SourceLocation;
  locate?(pointer: string): SourceLocation | undefined;
}

export type VisitObject = (object: Record<string, unknown>, origin: ObjectOrigin) => void;

/**
 * Something in the dump that is no Kubernetes object: the reader adds what the command expected
 * (`expected what kubectl get … prints`), so the message says how to make a good dump.
 */
export class NotObjects extends UserError {}

export function describe(value: unknown): string {
  return value === undefined ? 'missing' : JSON.stringify(value)?.slice(0, 60) ?? String(value);
}

export interface ListShape {
  /** the apiVersion and kind a typed list gives items that lack their own */
  inherited?: { apiVersion: string; kind: string };
}

/** Whether a document is a List (its `items` are the objects), and what its items inherit. */
export function listShape(document: Record<string, unknown>): ListShape | undefined {
  if (!Array.isArray(document.items) || !(document.kind === undefined || (typeof document.kind === 'string' && document.kind.endsWith('List')))) return undefined;
  const kind = typeof document.kind === 'string' && document.kind !== 'List' ? document.kind.slice(0, -'List'.length) : undefined;
  return kind && typeof document.apiVersion === 'string' ? { inherited: { apiVersion: document.apiVersion, kind } } : {};
}

export function where(location: SourceLocation | undefined, file: string): string {
  if (!location) return file;
  return `${location.file}${location.line ? `:${location.line}` : ''}${location.column ? `:${location.column}` : ''}`;
}

/** The item as an object with apiVersion, kind and metadata.name, or one located error. */
export function asKubeObject(value: unknown, shape: ListShape, at: () => string): Record<string, unknown> {
  if (!isMap(value)) throw new NotObjects(`${at()}: not a Kubernetes object but ${Array.isArray(value) ? 'a list' : describe(value)}`);
  let object = value;
  if (shape.inherited && (object.apiVersion === undefined || object.kind === undefined)) object = { ...shape.inherited, ...object };
  const missing = ['apiVersion', 'kind'].filter((key) => typeof object[key] !== 'string');
  if (!isMap(object.metadata) || typeof object.metadata.name !== 'string') missing.push('metadata.name');
  if (missing.length > 0) throw new NotObjects(`${at()}: object without ${missing.join(', ')}`);
  return object;
}
