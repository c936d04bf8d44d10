// The resource types the fake API server knows, as discovery advertises them.
// Only what calico-gen and its tests touch: the Calico CRDs, the built-in
// kinds the calico chart creates, and Secrets for Helm's release storage.

export interface ResourceType {
  group: string; // '' for the core group
  version: string;
  kind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  /** Served by a CustomResourceDefinition: list items keep apiVersion/kind. */
  crd?: boolean;
}

// Advertised as a real server does, though the fake refuses every write.
export const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const NAMESPACE_VERBS = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];

function core(kind: string, plural: string, namespaced: boolean, shortNames?: string[]): ResourceType {
  return { group: '', version: 'v1', kind, plural, singular: kind.toLowerCase(), namespaced, shortNames };
}

function grouped(group: string, kind: string, plural: string, namespaced: boolean, shortNames?: string[]): ResourceType {
  return { group, version: 'v1', kind, plural, singular: kind.toLowerCase(), namespaced, shortNames };
}

function calico(kind: string, plural: string): ResourceType {
  return { group: 'crd.projectcalico.org', version: 'v1', kind, plural, singular: kind.toLowerCase(), namespaced: false, crd: true };
}

export const RESOURCE_TYPES: ResourceType[] = [
  core('Namespace', 'namespaces', false, ['ns']),
  core('Node', 'nodes', false, ['no']),
  core('ConfigMap', 'configmaps', true, ['cm']),
  core('Secret', 'secrets', true),
  core('Service', 'services', true, ['svc']),
  core('ServiceAccount', 'serviceaccounts', true, ['sa']),
  core('Pod', 'pods', true, ['po']),
  grouped('apps', 'Deployment', 'deployments', true, ['deploy']),
  grouped('apps', 'DaemonSet', 'daemonsets', true, ['ds']),
  grouped('apps', 'ReplicaSet', 'replicasets', true, ['rs']),
  grouped('apps', 'StatefulSet', 'statefulsets', true, ['sts']),
  grouped('policy', 'PodDisruptionBudget', 'poddisruptionbudgets', true, ['pdb']),
  grouped('rbac.authorization.k8s.io', 'ClusterRole', 'clusterroles', false),
  grouped('rbac.authorization.k8s.io', 'ClusterRoleBinding', 'clusterrolebindings', false),
  grouped('rbac.authorization.k8s.io', 'Role', 'roles', true),
  grouped('rbac.authorization.k8s.io', 'RoleBinding', 'rolebindings', true),
  { ...grouped('apiextensions.k8s.io', 'CustomResourceDefinition', 'customresourcedefinitions', false, ['crd', 'crds']), categories: ['api-extensions'] },
  calico('IPPool', 'ippools'),
  calico('BGPPeer', 'bgppeers'),
  calico('BGPConfiguration', 'bgpconfigurations'),
  calico('IPAMConfig', 'ipamconfigs'),
  calico('GlobalNetworkPolicy', 'globalnetworkpolicies'),
  calico('FelixConfiguration', 'felixconfigurations'),
  calico('IPAMBlock', 'ipamblocks'),
  calico('BlockAffinity', 'blockaffinities'),
  calico('IPAMHandle', 'ipamhandles'),
];

export function groupVersion(t: Pick<ResourceType, 'group' | 'version'>): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}

/** `ippools.crd.projectcalico.org`, or `secrets` for the core group: how errors name a resource. */
export function qualifiedResource(t: ResourceType): string {
  return t.group ? `${t.plural}.${t.group}` : t.plural;
}

export function verbsOf(t: ResourceType): string[] {
  return t.kind === 'Namespace' ? NAMESPACE_VERBS : ALL_VERBS;
}

export function findByPlural(apiVersion: string, plural: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => groupVersion(t) === apiVersion && t.plural === plural);
}

export function findByKind(apiVersion: string, kind: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => groupVersion(t) === apiVersion && t.kind === kind);
}

/** The group versions served, each once, in catalogue order (core first, as /api lists it). */
export function servedGroupVersions(): Array<{ group: string; version: string }> {
  const seen = new Map<string, { group: string; version: string }>();
  for (const t of RESOURCE_TYPES) seen.set(groupVersion(t), { group: t.group, version: t.version });
  return [...seen.values()];
}
