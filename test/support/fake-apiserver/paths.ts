// Splits an API path into what it addresses, following kube-apiserver's
// layout: /api/v1/... for the core group, /apis/<group>/<version>/... else.
import { ResourceType, findByPlural, groupVersion } from './catalogue';

export type ApiPath =
  | { kind: 'version' }
  | { kind: 'coreVersions' }
  | { kind: 'groupList' }
  | { kind: 'group'; group: string }
  | { kind: 'resourceList'; groupVersion: string }
  | { kind: 'collection'; type: ResourceType; namespace?: string }
  | { kind: 'object'; type: ResourceType; namespace?: string; name: string }
  | { kind: 'unknown' };

const UNKNOWN: ApiPath = { kind: 'unknown' };

function resourcePath(gv: string, rest: string[]): ApiPath {
  const [first, second, third, fourth, ...extra] = rest;
  if (extra.length > 0) return UNKNOWN; // subresources are not served
  if (first === 'namespaces' && third !== undefined) {
    const type = findByPlural(gv, third);
    if (!type?.namespaced) return UNKNOWN;
    return fourth === undefined
      ? { kind: 'collection', type, namespace: second }
      : { kind: 'object', type, namespace: second, name: fourth };
  }
  if (fourth !== undefined || third !== undefined) return UNKNOWN;
  const type = findByPlural(gv, first);
  if (!type) return UNKNOWN;
  if (second === undefined) return { kind: 'collection', type };
  // A namespaced object is only addressed through its namespace.
  return type.namespaced ? UNKNOWN : { kind: 'object', type, name: second };
}

export function parseApiPath(pathname: string): ApiPath {
  const segments = pathname.split('/').filter((s) => s !== '').map(decodeURIComponent);
  const [root, a, b, ...rest] = segments;
  if (root === 'version' && a === undefined) return { kind: 'version' };
  if (root === 'api') {
    if (a === undefined) return { kind: 'coreVersions' };
    if (a !== 'v1') return UNKNOWN;
    return b === undefined ? { kind: 'resourceList', groupVersion: 'v1' } : resourcePath('v1', [b, ...rest]);
  }
  if (root === 'apis') {
    if (a === undefined) return { kind: 'groupList' };
    if (b === undefined) return { kind: 'group', group: a };
    const gv = groupVersion({ group: a, version: b });
    return rest.length === 0 ? { kind: 'resourceList', groupVersion: gv } : resourcePath(gv, rest);
  }
  return UNKNOWN;
}
