/**
 * Reads a cluster's live state through the Kubernetes API: the newest Helm release Secret, then
 * every kind of scope.ts, listed page by page, a few requests at a time. Only GETs (transport.ts).
 */
import { type KubeObject, kindKey } from '../core/kube';
import { mapBounded } from './concurrency';
import { readCalicoCrds } from './crds';
import { collectionPath, Discovery } from './discovery';
import { newestRelease, releaseLabelSelector } from './helm-release';
import { kindsToRead, type KindToRead } from './scope';
import type { ApiClient } from './transport';
import { type HelmRelease, type LiveState } from './types';

export interface ReadOptions {
  desired: readonly KubeObject[];
  release: { name: string; namespace: string };
  /** false when the values come from --live-values: then release Secrets are not read at all */
  readRelease: boolean;
  /** requests in flight at once */
  concurrency?: number;
}

export async function readLiveCluster(client: ApiClient, options: ReadOptions): Promise<LiveState> {
  const deployed = options.readRelease ? await readRelease(client, options.release) : undefined;
  const discovery = new Discovery(client);
  const kinds = kindsToRead(options.desired, options.release, deployed);
  const lists = kinds.flatMap((kind): { kind: KindToRead; namespace?: string }[] => (kind.clusterWide || kind.namespaces.length === 0 ? [{ kind, namespace: undefined }] : kind.namespaces.map((namespace) => ({ kind, namespace }))));
  const [crds, results] = await Promise.all([readCalicoCrds(client), mapBounded(lists, options.concurrency ?? 6, ({ kind, namespace }) => readKind(client, discovery, kind, namespace))]);
  const objects: KubeObject[] = [];
  for (const result of results) {
    if (result.status === 'rejected') throw result.reason;
    objects.push(...result.value);
  }
  return {
    source: client.label,
    objects,
    kinds: new Set(kinds.map(kindKey)),
    release: deployed,
    values: deployed === undefined ? undefined : deployed === null ? null : deployed.config,
    crds,
  };
}

async function readRelease(client: ApiClient, release: { name: string; namespace: string }): Promise<HelmRelease | null> {
  const { items } = await client.list(collectionPath('v1', 'secrets', release.namespace), { labelSelector: releaseLabelSelector(release.name) });
  return newestRelease(items.map((item) => withType(item, 'v1', 'Secret')), release.name, release.namespace);
}

async function readKind(client: ApiClient, discovery: Discovery, kind: KindToRead, namespace: string | undefined): Promise<KubeObject[]> {
  const resource = await discovery.resource(kind.apiVersion, kind.kind);
  // a kind the server does not serve has no objects: every desired one is a create
  if (!resource) return [];
  const { items } = await client.list(collectionPath(kind.apiVersion, resource.plural, resource.namespaced ? namespace : undefined));
  return items.map((item) => withType(item, kind.apiVersion, kind.kind));
}

/** Items of built-in lists come without apiVersion and kind. */
function withType(item: Record<string, unknown>, apiVersion: string, kind: string): KubeObject {
  return { ...item, apiVersion: (item.apiVersion as string | undefined) ?? apiVersion, kind: (item.kind as string | undefined) ?? kind } as KubeObject;
}
