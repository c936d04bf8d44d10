// Legacy (unaggregated) discovery documents. kubectl 1.31 asks for the
// aggregated apidiscovery.k8s.io/v2 format first but lists plain
// application/json as a fallback, so answering the legacy format is what an
// older API server does and clients handle it.
import { createHash } from 'node:crypto';
import { RESOURCE_TYPES, ResourceType, groupVersion, servedGroupVersions, verbsOf } from './catalogue';

export const SERVER_VERSION = {
  major: '1',
  minor: '31',
  gitVersion: 'v1.31.9',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2025-05-15T00:00:00Z',
  goVersion: 'go1.23.8',
  compiler: 'gc',
  platform: 'linux/amd64',
};

export function coreVersions(serverAddress: string): object {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function apiGroup(name: string): object {
  const versions = servedGroupVersions()
    .filter((gv) => gv.group === name)
    .map((gv) => ({ groupVersion: groupVersion(gv), version: gv.version }));
  return { name, versions, preferredVersion: versions[0] };
}

function namedGroups(): string[] {
  return [...new Set(servedGroupVersions().map((gv) => gv.group).filter((g) => g !== ''))];
}

export function groupList(): object {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: namedGroups().map(apiGroup) };
}

export function group(name: string): object | undefined {
  if (!namedGroups().includes(name)) return undefined;
  return { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(name) };
}

function storageVersionHash(t: ResourceType): string {
  return createHash('sha256').update(`${groupVersion(t)}/${t.kind}`).digest('base64').slice(0, 11);
}

function apiResource(t: ResourceType): object {
  return {
    name: t.plural,
    singularName: t.singular,
    namespaced: t.namespaced,
    kind: t.kind,
    verbs: verbsOf(t),
    ...(t.shortNames ? { shortNames: t.shortNames } : {}),
    ...(t.categories ? { categories: t.categories } : {}),
    storageVersionHash: storageVersionHash(t),
  };
}

export function resourceList(gv: string): object | undefined {
  const types = RESOURCE_TYPES.filter((t) => groupVersion(t) === gv);
  if (types.length === 0) return undefined;
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gv, resources: types.map(apiResource) };
}
