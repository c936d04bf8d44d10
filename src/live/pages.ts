/**
 * Lists of live state that may be large (a 5,000-node cluster's IPAM blocks), read page by page:
 * each page goes to the caller and is dropped, so memory holds what the caller keeps of it.
 */
import { collectionPath, Discovery } from './discovery';
import type { ApiClient } from './transport';

export interface PagedKind {
  apiVersion: string;
  kind: string;
  /** a namespaced kind is listed in this namespace only */
  namespace?: string;
  query?: Record<string, string>;
}

/**
 * Hands every page of the kind's list to `onPage`. Returns false, reading nothing, when the server
 * does not serve the kind (a CRD that is not installed): then it has no objects.
 */
export async function listKindPages(client: ApiClient, discovery: Discovery, kind: PagedKind, onPage: (page: Record<string, unknown>) => void): Promise<boolean> {
  const resource = await discovery.resource(kind.apiVersion, kind.kind);
  if (!resource) return false;
  await client.listPages(collectionPath(kind.apiVersion, resource.plural, resource.namespaced ? kind.namespace : undefined), kind.query ?? {}, onPage);
  return true;
}

export { Discovery };
