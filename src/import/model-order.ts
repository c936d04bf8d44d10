/**
 * Key order in the generated layers: the order of ClusterSpec in src/model/definition.ts, so
 * that every definition reads the same way. Maps of names (pools, policies) keep the file's order.
 */
import { isPlainMap } from '../util/merge';

const SPEC = ['name', 'group', 'site', 'kubeContext', 'release', 'calicoVersion', 'image', 'ipPools', 'ipam', 'bgp', 'calicoNode', 'typha', 'kubeControllers', 'vethMtu', 'ipv6Support', 'cniInstall', 'globalNetworkPolicies', 'capacity'];
const BGP = ['asNumber', 'nodeToNodeMesh', 'peerAsNumber', 'asLoop', 'community', 'prefixAdvertisements', 'serviceClusterIPs', 'serviceExternalIPs', 'logSeverityScreen', 'peers'];
const COMPONENT = ['imageName', 'replicaCount', 'shutdownTimeoutSeconds', 'resources', 'tolerations', 'nodeSelector'];
const RESOURCES = ['requests', 'limits'];
const RESOURCE_LIST = ['cpu', 'memory'];

/** model path pattern (`*` = any key) → key order at that level */
const ORDERS: [string[], string[]][] = [
  [[], SPEC],
  [['image'], ['repository', 'pullPolicy']],
  [['ipam'], ['strictAffinity', 'autoAllocateBlocks', 'maxBlocksPerHost']],
  [['bgp'], BGP],
  [['*'], COMPONENT],
  [['*', 'resources'], RESOURCES],
  [['*', 'resources', '*'], RESOURCE_LIST],
];

export function orderModel(model: Record<string, unknown>): Record<string, unknown> {
  return orderAt(model, []) as Record<string, unknown>;
}

function orderAt(value: unknown, path: string[]): unknown {
  if (!isPlainMap(value) || path[0] === 'globalNetworkPolicies' || path[0] === 'ipPools') return value;
  const order = ORDERS.find(([pattern]) => pattern.length === path.length && pattern.every((p, i) => p === '*' || p === path[i]))?.[1] ?? [];
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  const keys = Object.keys(value).sort((a, b) => rank(a) - rank(b));
  return Object.fromEntries(keys.map((key) => [key, orderAt(value[key], [...path, key])]));
}
