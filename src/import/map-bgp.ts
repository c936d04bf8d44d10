/** BGPConfiguration, PeerAS, ASLoop, GenericBGPCommunity and BGPPeers → the model's `bgp`. */
import type { Router } from '../model/definition';
import { isPlainMap, mergeLayers } from '../util/merge';
import { isBoolean, isCidr, isCommunity, isDnsName, isInteger, isIpv4Address, isIpv6Address, isOneOf, isString } from './checks';
import type { LayerMapper } from './mapper';

const BGP_CONFIGURATION_KEYS = ['asNumber', 'nodeToNodeMeshEnabled', 'logSeverityScreen', 'serviceClusterIPs', 'serviceExternalIPs', 'prefixAdvertisements'];
const ROUTER_KEYS = ['ipv4', 'ipv6', 'nodeSelector'] as const;
const AS_NUMBER = isInteger(0, 4294967295);

export function mapBgpConfiguration(m: LayerMapper, value: unknown): void {
  const from = ['BGPConfiguration'];
  if (!m.expectMap(from, value, 'set asNumber and nodeToNodeMeshEnabled instead')) return;
  m.note(['bgp'], from);
  for (const [key, item] of Object.entries(value)) {
    const at = [...from, key];
    switch (key) {
      case 'asNumber':
        m.leaf(['bgp', 'asNumber'], at, item, AS_NUMBER);
        break;
      case 'nodeToNodeMeshEnabled':
        m.leaf(['bgp', 'nodeToNodeMesh'], at, item, isBoolean);
        break;
      case 'logSeverityScreen':
        m.leaf(['bgp', 'logSeverityScreen'], at, item, isOneOf(['Trace', 'Debug', 'Info', 'Warning', 'Error', 'Fatal']));
        break;
      case 'serviceClusterIPs':
      case 'serviceExternalIPs':
        mapServiceCidrs(m, key, item);
        break;
      case 'prefixAdvertisements':
        mapPrefixAdvertisements(m, item);
        break;
      default:
        m.unknownKey(at, BGP_CONFIGURATION_KEYS, ': the chart would copy this BGPConfiguration field, but the model cannot hold it yet (ask for it in BgpSettings)');
    }
  }
}

/** `[{cidr: X}]` in the values, `[X]` in the model. */
function mapServiceCidrs(m: LayerMapper, key: 'serviceClusterIPs' | 'serviceExternalIPs', value: unknown): void {
  const from = ['BGPConfiguration', key];
  if (value === null) return m.set(['bgp', key], null, from);
  if (!Array.isArray(value)) return m.problem(from, `is ${JSON.stringify(value)}, expected a list of {cidr: ...}`);
  const cidrs: string[] = [];
  value.forEach((item, index) => {
    const at = [...from, index];
    const extra = isPlainMap(item) ? Object.keys(item).filter((k) => k !== 'cidr') : [];
    if (!isPlainMap(item) || extra.length > 0) return m.problem(at, `expected {cidr: ...} and nothing else${extra.length ? ` (found ${extra.join(', ')})` : ''}`);
    const checked = isCidr(item.cidr);
    if (checked.ok) cidrs.push(checked.value as string);
    else m.problem([...at, 'cidr'], checked.reason);
  });
  m.set(['bgp', key], cidrs, from);
}

function mapPrefixAdvertisements(m: LayerMapper, value: unknown): void {
  const from = ['BGPConfiguration', 'prefixAdvertisements'];
  if (value === null) return m.set(['bgp', 'prefixAdvertisements'], null, from);
  if (!Array.isArray(value)) return m.problem(from, `is ${JSON.stringify(value)}, expected a list of {cidr, communities}`);
  const advertisements: { cidr: string; communities: string[] }[] = [];
  value.forEach((item, index) => {
    const at = [...from, index];
    if (!isPlainMap(item)) return m.problem(at, 'expected {cidr, communities}');
    const extra = Object.keys(item).filter((k) => k !== 'cidr' && k !== 'communities');
    if (extra.length > 0) return m.problem([...at, extra[0]!], 'unknown key: calico-gen\'s model has cidr, communities here');
    const cidr = isCidr(item.cidr);
    const communities = Array.isArray(item.communities) && item.communities.every((c) => typeof c === 'string');
    if (!cidr.ok) return m.problem([...at, 'cidr'], cidr.reason);
    if (!communities) return m.problem([...at, 'communities'], 'expected a list of community strings');
    advertisements.push({ cidr: cidr.value as string, communities: item.communities as string[] });
  });
  m.set(['bgp', 'prefixAdvertisements'], advertisements, from);
}

export function mapBgpScalars(m: LayerMapper, key: 'PeerAS' | 'ASLoop' | 'GenericBGPCommunity', value: unknown): void {
  if (key === 'PeerAS') m.leaf(['bgp', 'peerAsNumber'], [key], value, AS_NUMBER);
  else if (key === 'ASLoop') m.leaf(['bgp', 'asLoop'], [key], value, isInteger(0, 2147483647));
  else m.leaf(['bgp', 'community'], [key], value, isCommunity);
}

/**
 * BGPPeers is a map in the values (merged router by router) and a list in the model (replaced
 * whole): a layer that touches it gets the complete list as it stands after that layer.
 */
export function mapBgpPeers(m: LayerMapper, value: unknown): void {
  const from = ['BGPPeers'];
  if (value !== null && !isPlainMap(value)) return m.problem(from, `is ${JSON.stringify(value)}, expected a map of router name → {ipv4, ipv6, nodeSelector}`);
  const own = value ?? {};
  for (const [name, entry] of Object.entries(own)) {
    if (entry !== null) checkRouterEntry(m, name, entry);
  }
  const lower = isPlainMap(m.lower.BGPPeers) ? m.lower.BGPPeers : {};
  const effective = value === null ? {} : mergeLayers([lower, own]);
  const peers: Router[] = [];
  for (const [name, entry] of Object.entries(effective)) {
    const router = asRouter(m, name, entry, name in own);
    if (!router) continue;
    peers.push(router);
    if (name in own) {
      const fieldComments = Object.fromEntries(ROUTER_KEYS.map((key) => [key, m.commentsOf([...from, name, key])]));
      m.routers.push({ router, comments: m.commentsOf([...from, name]), fieldComments });
    }
  }
  m.set(['bgp', 'peers'], peers, from);
}

function checkRouterEntry(m: LayerMapper, name: string, entry: unknown): void {
  const at = ['BGPPeers', name];
  const nameCheck = isDnsName(name);
  if (!nameCheck.ok) m.problem(at, `router name ${nameCheck.reason}`);
  if (!isPlainMap(entry)) return m.problem(at, `is ${JSON.stringify(entry)}, expected {ipv4, ipv6, nodeSelector}`);
  for (const [key, item] of Object.entries(entry)) {
    const check = key === 'ipv4' ? isIpv4Address : key === 'ipv6' ? isIpv6Address : key === 'nodeSelector' ? isString : undefined;
    if (!check) {
      m.unknownKey([...at, key], ROUTER_KEYS, `: the chart ignores ${key} (every peer gets PeerAS)`);
      continue;
    }
    if (item === null) continue;
    const result = check(item);
    if (!result.ok) m.problem([...at, key], result.reason);
  }
}

/** A router needs all three fields once the layers are merged; missing ones are reported where it is defined. */
function asRouter(m: LayerMapper, name: string, entry: unknown, ownEntry: boolean): Router | undefined {
  if (!isPlainMap(entry)) return undefined;
  const missing = ROUTER_KEYS.filter((key) => typeof entry[key] !== 'string');
  if (missing.length > 0) {
    if (ownEntry) m.problem(['BGPPeers', name], `router has no ${missing.join(', ')} once the layers are merged: the chart would create a BGPPeer without it; the model requires ipv4, ipv6 and nodeSelector`);
    return undefined;
  }
  return { name, ipv4: entry.ipv4, ipv6: entry.ipv6, nodeSelector: entry.nodeSelector } as Router;
}
