/**
 * What the fleet rules need from one cluster, and nothing more: its pod CIDRs, its service ranges,
 * its AS number and its routers. Plain data (strings and numbers, sources included), so that a cache can store it per
 * cluster and `validate --cluster X` can check X against the fleet without re-synthesising the rest.
 */
import type { DefinitionRef, SourceLocation } from '../../../core/findings';
import { formatCidr, formatIp, ipVersion, isStrictlyMasked, parseCidrOrIp } from '../../../core/net';
import type { ClusterInput } from '../cluster/input';
import { calicoObjects, defaultObject, peersOf, poolsOf, specOf } from '../cluster/view';
import { CALICO_DEFAULT_AS_NUMBER } from '../../../core/calico';

/** Calico's AS number when BGPConfiguration does not set one. */

interface Located {
  /** `<Kind>/<name>` of the object the fact comes from */
  object: string;
  path: string;
  source?: SourceLocation;
  /** where a definition wrote it, looked up only when a finding about it is reported */
  definedAt?: DefinitionRef;
}

export interface PoolFact extends Located {
  name: string;
  /** canonical network form */
  cidr: string;
}

/** The lists of BGPConfiguration default whose ranges the nodes announce to their peers. */
export const SERVICE_RANGE_LISTS = ['serviceClusterIPs', 'serviceExternalIPs', 'serviceLoadBalancerIPs'] as const;

export interface ServiceRangeFact extends Located {
  list: (typeof SERVICE_RANGE_LISTS)[number];
  /** canonical network form */
  cidr: string;
}

export interface AsNumberFact extends Located {
  value: number;
  /** not written anywhere: Calico's default, which the cluster uses because it has BGP peers */
  defaulted: boolean;
}

export interface RouterFact extends Located {
  /** the router's name: the BGPPeer's name without the chart's `-ipv4`/`-ipv6` */
  name: string;
  family: 4 | 6;
  address: string;
}

export interface FleetFacts {
  cluster: string;
  /** where a fact without a source of its own was written (a cached cluster's definition) */
  source?: SourceLocation;
  pools: PoolFact[];
  /** the service ranges announced over BGP; those that do not parse or have host bits set are left to bgpconfig-service-cidrs */
  serviceRanges: ServiceRangeFact[];
  asNumber?: AsNumberFact;
  routers: RouterFact[];
}

export type Locate = (object: string, path: string) => SourceLocation | undefined;
export type LocateInDefinition = (object: string, path: string) => DefinitionRef | undefined;

export function fleetFactsOf(cluster: ClusterInput, locate: Locate, definedAt?: LocateInDefinition): FleetFacts {
  const located = (object: string, path: string): Located => {
    const source = locate(object, path);
    const ref = definedAt?.(object, path);
    return { object, path, ...(source ? { source } : {}), ...(ref ? { definedAt: ref } : {}) };
  };
  const pools = poolsOf(cluster).map((pool) => ({ name: pool.name, cidr: formatCidr(pool.cidr), ...located(pool.ref, '/spec/cidr') }));
  const routers = peersOf(cluster).map((peer) => ({
    name: peer.name.replace(/-ipv[46]$/, ''),
    family: ipVersion(peer.address),
    address: formatIp(peer.address),
    ...located(peer.ref, '/spec/peerIP'),
  }));
  const facts: FleetFacts = { cluster: cluster.name, pools, serviceRanges: serviceRangesOf(cluster, located), routers };
  const asNumber = asNumberOf(cluster, located);
  if (asNumber) facts.asNumber = asNumber;
  return facts;
}

function serviceRangesOf(cluster: ClusterInput, located: (object: string, path: string) => Located): ServiceRangeFact[] {
  const bgp = defaultObject(cluster, 'BGPConfiguration');
  const spec = bgp ? specOf(bgp) : {};
  const facts: ServiceRangeFact[] = [];
  for (const list of SERVICE_RANGE_LISTS) {
    const entries = spec[list];
    if (!Array.isArray(entries)) continue;
    entries.forEach((entry: unknown, index) => {
      const text = (entry as { cidr?: unknown } | null)?.cidr;
      const parsed = typeof text === 'string' ? parseCidrOrIp(text) : undefined;
      if (!parsed?.ok || !isStrictlyMasked(parsed.value)) return;
      facts.push({ list, cidr: formatCidr(parsed.value), ...located('BGPConfiguration/default', `/spec/${list}/${index}/cidr`) });
    });
  }
  return facts;
}

function asNumberOf(cluster: ClusterInput, located: (object: string, path: string) => Located): AsNumberFact | undefined {
  const bgp = defaultObject(cluster, 'BGPConfiguration');
  const value = bgp ? specOf(bgp).asNumber : undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) {
    return { value, defaulted: false, ...located('BGPConfiguration/default', '/spec/asNumber') };
  }
  // the AS only matters to routers that peer with the cluster
  if (value !== undefined || calicoObjects(cluster, 'BGPPeer').length === 0) return undefined;
  return { value: CALICO_DEFAULT_AS_NUMBER, defaulted: true, ...located(bgp ? 'BGPConfiguration/default' : 'values', bgp ? '/spec' : '/BGPConfiguration') };
}
