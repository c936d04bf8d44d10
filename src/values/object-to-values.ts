/**
 * Where in the chart's values an object field comes from, following what the chart does with them
 * (docs/values-interface.md): a finding on `BGPPeer/cr1-ipv4 /spec/peerIP` is about
 * `/BGPPeers/cr1/ipv4` of some values file.
 */
import { pointer } from '../core/findings';
import { memoiseByStrings } from '../util/memo';

/** One key as a JSON pointer segment. */
const escapePointer = (key: string) => pointer(key).slice(1);

function keysOf(values: unknown, key: string): string[] {
  const map = typeof values === 'object' && values !== null ? (values as Record<string, unknown>)[key] : undefined;
  return typeof map === 'object' && map !== null && !Array.isArray(map) ? Object.keys(map) : [];
}

function setsKey(values: unknown, key: string, child: string): boolean {
  const map = typeof values === 'object' && values !== null ? (values as Record<string, unknown>)[key] : undefined;
  return typeof map === 'object' && map !== null && Object.prototype.hasOwnProperty.call(map, child);
}

/** `/spec/a/b` → `/a/b` (the rest of the pointer after `/spec`), or undefined. */
function underSpec(path: string): string | undefined {
  if (path === '/spec') return '';
  return path.startsWith('/spec/') ? path.slice('/spec'.length) : undefined;
}

export function valuesPointerFor(object: string, path: string, values: unknown): string {
  if (object === 'values') return path;
  // only BGPConfiguration's pointer depends on the values: the others are asked for in every cluster alike
  return object.startsWith('BGPConfiguration/') ? objectPointer(object, path, values) : sameInEveryCluster(object, path);
}

const sameInEveryCluster = memoiseByStrings((object: string, path: string) => objectPointer(object, path, undefined));

function objectPointer(object: string, path: string, values: unknown): string {
  const slash = object.indexOf('/');
  const kind = object.slice(0, slash);
  const name = object.slice(slash + 1);
  const rest = underSpec(path);
  switch (kind) {
    case 'IPPool':
      return `/IPPools/${escapePointer(name)}${rest ?? ''}`;
    case 'GlobalNetworkPolicy':
      return `/GlobalNetworkPolicies/${escapePointer(name)}${rest ?? ''}`;
    case 'IPAMConfig':
      return `/IPAMConfig${rest ?? ''}`;
    case 'BGPPeer':
      return bgpPeerPointer(name, rest);
    case 'BGPConfiguration':
      return bgpConfigurationPointer(rest, values);
    case 'ConfigMap':
      return path === '/data/veth_mtu' ? '/veth_mtu' : '';
    default:
      return '';
  }
}

function bgpPeerPointer(name: string, rest: string | undefined): string {
  const match = /^(.*)-(ipv4|ipv6)$/.exec(name);
  if (!match) return '/BGPPeers';
  const router = `/BGPPeers/${escapePointer(match[1]!)}`;
  if (rest === '/asNumber') return '/PeerAS';
  if (rest === '/numAllowedLocalASNumbers') return '/ASLoop';
  if (rest === '/peerIP') return `${router}/${match[2]}`;
  if (rest?.startsWith('/nodeSelector')) return `${router}/nodeSelector`;
  return router;
}

/** The chart generates one advertisement per pool (with GenericBGPCommunity) when the values set none. */
function bgpConfigurationPointer(rest: string | undefined, values: unknown): string {
  const generated = /^\/prefixAdvertisements\/(\d+)(\/.*)?$/.exec(rest ?? '');
  if (generated && !setsKey(values, 'BGPConfiguration', 'prefixAdvertisements')) {
    const pool = keysOf(values, 'IPPools')[Number(generated[1])];
    const field = generated[2] ?? '';
    if (field.startsWith('/communities')) return '/GenericBGPCommunity';
    return pool === undefined ? '/IPPools' : `/IPPools/${escapePointer(pool)}${field === '/cidr' ? '/cidr' : ''}`;
  }
  return `/BGPConfiguration${rest ?? ''}`;
}
