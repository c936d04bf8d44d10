/**
 * Which kinds a diff reads, and where: the Calico kinds cluster-wide (an object nobody declared,
 * such as the `default-ipv4-ippool` calico-node creates on first start, must show), every other
 * kind of the desired state or of the deployed release in the namespaces its objects live in.
 */
import { type KubeObject, groupOfApiVersion, kindKey } from '../core/kube';
import { type HelmRelease } from './types';
import { CALICO_API_VERSION, CALICO_GROUP, CALICO_IPAM_STATE_KINDS } from '../core/calico';

/** The Calico kinds the chart can create: read even when a cluster's definition has none, so leftovers show. */
export const CHART_CALICO_KINDS: readonly { apiVersion: string; kind: string }[] = ['IPPool', 'BGPPeer', 'BGPConfiguration', 'IPAMConfig', 'GlobalNetworkPolicy'].map((kind) => ({
  apiVersion: CALICO_API_VERSION,
  kind,
}));

/**
 * Objects a dump may hold that are state to read, not objects to compare: nodes, CRDs, and
 * Calico's IPAM bookkeeping. (IPPools and the IPAMConfig are both: the chart writes them.)
 */
export function isLiveStateOnly(object: { apiVersion?: unknown; kind?: unknown }): boolean {
  const { apiVersion, kind } = object;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return false;
  if (apiVersion === 'v1' && kind === 'Node') return true;
  if (kind === 'CustomResourceDefinition' && groupOfApiVersion(apiVersion) === 'apiextensions.k8s.io') return true;
  return groupOfApiVersion(apiVersion) === CALICO_GROUP && (CALICO_IPAM_STATE_KINDS as readonly string[]).includes(kind);
}

export interface KindToRead {
  apiVersion: string;
  kind: string;
  /** read in every namespace (and cluster-scoped kinds): the Calico kinds */
  clusterWide: boolean;
  /** for namespaced kinds that are not read cluster-wide: the namespaces to list */
  namespaces: string[];
}

export function kindsToRead(desired: readonly KubeObject[], release: { namespace: string }, deployed: HelmRelease | null | undefined): KindToRead[] {
  const kinds = new Map<string, KindToRead>();
  const add = (apiVersion: string, kind: string, namespace: string | undefined) => {
    const key = kindKey({ apiVersion, kind });
    const entry = kinds.get(key) ?? { apiVersion, kind, clusterWide: groupOfApiVersion(apiVersion) === CALICO_GROUP, namespaces: [] };
    if (namespace && !entry.namespaces.includes(namespace)) entry.namespaces.push(namespace);
    kinds.set(key, entry);
  };
  for (const { apiVersion, kind } of CHART_CALICO_KINDS) add(apiVersion, kind, undefined);
  for (const object of desired) add(object.apiVersion, object.kind, object.metadata.namespace);
  for (const ref of deployed?.manifest ?? []) add(ref.apiVersion, ref.kind, ref.namespace ?? release.namespace);
  return [...kinds.values()];
}
