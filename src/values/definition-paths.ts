/**
 * The inverse of emitValues: which setting of the definition a values key comes from, as a key
 * path into the merged definition (`/IPPools/ipv4/blockSize` → `ipPools.ipv4.blockSize`,
 * `/BGPPeers/cr1/ipv4` → the router `cr1` in `bgp.peers`), so that a finding on the values or on
 * an object the chart makes of them can be located where the definition wrote it.
 */
import type { ClusterSpec } from '../model/definition';
import { memoiseByString } from '../util/memo';

export type KeyPath = (string | number)[];

/** `/a/b~1c` → `['a', 'b/c']` (RFC 6901). Shared between callers: the same pointers come back in every cluster. */
export const pointerSegments = memoiseByString((pointer: string): readonly string[] => {
  if (pointer === '') return Object.freeze([]);
  return Object.freeze(pointer.slice(1).split('/').map((s) => (s.includes('~') ? s.replace(/~1/g, '/').replace(/~0/g, '~') : s)));
});

/** values keys whose definition setting has another name or place */
const RENAMED: Record<string, KeyPath> = {
  GenericBGPCommunity: ['bgp', 'community'],
  PeerAS: ['bgp', 'peerAsNumber'],
  ASLoop: ['bgp', 'asLoop'],
  IPv6Support: ['ipv6Support'],
  veth_mtu: ['vethMtu'],
  cni: ['cniInstall'],
};

const SAME_SHAPE: Record<string, string> = {
  IPPools: 'ipPools',
  IPAMConfig: 'ipam',
  GlobalNetworkPolicies: 'globalNetworkPolicies',
  typha: 'typha',
  calicoNode: 'calicoNode',
  kubeControllers: 'kubeControllers',
};

/** The definition's key path behind a values pointer; `[]` (the cluster as a whole) when none is. */
export function definitionPathOf(valuesPointer: string, spec: ClusterSpec): readonly (string | number)[] {
  // the spec counts only by its router list: every cluster holding the same frozen list shares the answers
  const peers = spec.bgp?.peers;
  if (!peers || !Object.isFrozen(peers)) return pathOf(valuesPointer, spec);
  let paths = pathsByRouterList.get(peers);
  if (!paths) pathsByRouterList.set(peers, (paths = new Map()));
  let path = paths.get(valuesPointer);
  if (!path) {
    path = Object.freeze(pathOf(valuesPointer, spec));
    if (paths.size < PATHS_PER_ROUTER_LIST) paths.set(valuesPointer, path);
  }
  return path;
}

const PATHS_PER_ROUTER_LIST = 10_000;
const pathsByRouterList = new WeakMap<object, Map<string, readonly (string | number)[]>>();

function pathOf(valuesPointer: string, spec: ClusterSpec): KeyPath {
  const [top, ...rest] = pointerSegments(valuesPointer);
  if (top === undefined) return [];
  if (RENAMED[top]) return RENAMED[top];
  if (SAME_SHAPE[top]) return [SAME_SHAPE[top], ...rest];
  switch (top) {
    case 'image':
      return rest[0] === 'tag' ? ['calicoVersion'] : ['image', ...rest.slice(0, 1)];
    case 'BGPConfiguration':
      return bgpConfigurationPath(rest);
    case 'BGPPeers':
      return routerPath(rest, spec);
    default:
      return [];
  }
}

function bgpConfigurationPath([key, ...rest]: readonly string[]): KeyPath {
  switch (key) {
    case 'asNumber':
    case 'logSeverityScreen':
      return ['bgp', key];
    case 'nodeToNodeMeshEnabled':
      return ['bgp', 'nodeToNodeMesh'];
    case 'serviceClusterIPs':
    case 'serviceExternalIPs':
      // the values hold `{cidr}` per entry, the definition the CIDR itself
      return ['bgp', key, ...rest.slice(0, 1)];
    case 'prefixAdvertisements':
      return ['bgp', key, ...rest];
    default:
      return ['bgp'];
  }
}

/** by peers list: each router's place in it (a finding or fact per peer would search the list each time) */
const routerPlaces = new WeakMap<object, Map<string, number>>();

function placeOf(peers: readonly ({ name?: string } | null | undefined)[], name: string): number {
  let places = routerPlaces.get(peers);
  if (!places) {
    places = new Map();
    peers.forEach((router, index) => {
      if (typeof router?.name === 'string' && !places!.has(router.name)) places!.set(router.name, index);
    });
    // a list that can still change is not remembered
    if (Object.isFrozen(peers)) routerPlaces.set(peers, places);
  }
  return places.get(name) ?? -1;
}

/** A router is an entry of the `bgp.peers` list, found by its name. */
function routerPath([name, field]: readonly string[], spec: ClusterSpec): KeyPath {
  const index = name === undefined ? -1 : placeOf(spec.bgp?.peers ?? [], name);
  if (index < 0) return ['bgp', 'peers'];
  return field === undefined ? ['bgp', 'peers', index] : ['bgp', 'peers', index, field];
}
