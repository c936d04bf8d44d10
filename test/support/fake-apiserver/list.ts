// A collection GET: selectors, chunking (limit/continue) and the <Kind>List
// envelope, as kube-apiserver answers it.
import { ResourceType, groupVersion } from './catalogue';
import { parseFieldSelector, parseLabelSelector } from './selectors';

type Obj = Record<string, any>;

function selected(items: readonly Obj[], query: URLSearchParams): readonly Obj[] {
  const labelSelector = query.get('labelSelector');
  const fieldSelector = query.get('fieldSelector');
  if (!labelSelector && !fieldSelector) return items;
  const labels = labelSelector ? parseLabelSelector(labelSelector) : () => true;
  const fields = fieldSelector ? parseFieldSelector(fieldSelector) : () => true;
  return items.filter((o) =>
    labels(o.metadata.labels ?? {}) &&
    fields({ 'metadata.name': o.metadata.name, 'metadata.namespace': o.metadata.namespace ?? '' }),
  );
}

function decodeContinue(token: string): number {
  const offset = Number(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')).offset);
  if (!Number.isInteger(offset) || offset < 0) throw new Error('invalid continue token');
  return offset;
}

function encodeContinue(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString('base64url');
}

function chunk(items: readonly Obj[], query: URLSearchParams): { page: readonly Obj[]; metadata: Obj } {
  const limit = Number(query.get('limit') ?? 0);
  const start = query.get('continue') ? decodeContinue(query.get('continue')!) : 0;
  if (!(limit > 0) || start + limit >= items.length) return { page: items.slice(start), metadata: {} };
  const next = start + limit;
  return { page: items.slice(start, next), metadata: { continue: encodeContinue(next), remainingItemCount: items.length - next } };
}

// Built-in kinds' list items come without apiVersion/kind; only custom
// resources (served as unstructured JSON) keep them.
function asListItem(type: ResourceType, o: Obj): Obj {
  if (type.crd) return o;
  const { apiVersion: _a, kind: _k, ...rest } = o;
  return rest;
}

/**
 * Throws on a malformed selector or continue token (answered 400). The items are the stored
 * objects themselves (frozen): the answer is serialised at once, and a large list is not copied.
 */
export function listResponse(type: ResourceType, items: readonly Obj[], query: URLSearchParams, resourceVersion: string): Obj {
  const { page, metadata } = chunk(selected(items, query), query);
  return {
    apiVersion: groupVersion(type),
    kind: `${type.kind}List`,
    metadata: { resourceVersion, ...metadata },
    items: page.map((o) => asListItem(type, o)),
  };
}
