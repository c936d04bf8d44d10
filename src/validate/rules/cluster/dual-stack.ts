/**
 * A dual-stack cluster needs a pool per family. Evidence of dual-stack is what the cluster itself
 * announces for a family (service CIDRs, prefix advertisements); not the BGP peers, which the chart
 * always creates for both families, nor IPv6Support, which is on by default.
 */
import { parseCidrOrIp, type IpFamily } from '../../../core/net';
import type { Hit } from '../../../core/findings';
import { defineRule } from '../../rule';
import { calicoObjects, familyName, poolsOf, refOf, specOf, valueAt } from './view';

const ANNOUNCED_LISTS = ['serviceClusterIPs', 'serviceExternalIPs', 'serviceLoadBalancerIPs', 'prefixAdvertisements'] as const;

interface Evidence {
  object: string;
  path: string;
  cidr: string;
}

function announcedFamilies(objects: readonly unknown[]): Map<IpFamily, Evidence> {
  const found = new Map<IpFamily, Evidence>();
  for (const object of objects) {
    const spec = specOf(object);
    for (const list of ANNOUNCED_LISTS) {
      const entries = spec[list];
      if (!Array.isArray(entries)) continue;
      entries.forEach((entry, index) => {
        const cidr = valueAt(entry, 'cidr');
        if (typeof cidr !== 'string') return;
        const parsed = parseCidrOrIp(cidr);
        if (parsed.ok && !found.has(parsed.value.family)) found.set(parsed.value.family, { object: refOf(object), path: `/spec/${list}/${index}/cidr`, cidr });
      });
    }
  }
  return found;
}

export const dualStackPoolMissing = defineRule({
  scope: 'cluster',
  id: 'dual-stack-pool-missing',
  severity: 'error',
  description: 'A cluster that announces IPv4 and IPv6 ranges (service CIDRs, prefix advertisements) has an IP pool of each family',
  check(cluster) {
    // a disabled pool still counts: disabling a family's only pool is a deliberate step
    const pools = poolsOf(cluster);
    if (pools.length === 0) return [];
    const poolFamilies = new Set(pools.map((p) => p.cidr.family));
    const hits: Hit[] = [];
    for (const [family, evidence] of announcedFamilies(calicoObjects(cluster, 'BGPConfiguration'))) {
      if (poolFamilies.has(family)) continue;
      const have = familyName(family === 4 ? 6 : 4);
      hits.push({
        object: evidence.object,
        path: evidence.path,
        message:
          `the cluster announces the ${familyName(family)} range ${evidence.cidr}, so it is dual-stack, but it has only ${have} pools: ` +
          `pods get no ${familyName(family)} address; add an ${familyName(family)} IP pool (or remove the ${familyName(family)} ranges)`,
      });
    }
    return hits;
  },
});

export const ipv6PoolWithoutIpv6Support = defineRule({
  scope: 'cluster',
  id: 'ipv6-pool-without-ipv6-support',
  severity: 'error',
  description: 'An enabled IPv6 pool needs IPv6Support: true (calico-node detects no IPv6 address and Felix programs no IPv6 routes without it)',
  check(cluster) {
    if (cluster.values === undefined || valueAt(cluster.values, 'IPv6Support') !== false) return [];
    return poolsOf(cluster)
      .filter((p) => !p.disabled && p.cidr.family === 6)
      .map((pool) => ({
        object: 'values',
        path: '/IPv6Support',
        message:
          `IPv6Support is false but pool ${pool.name} (${pool.cidrText}) is IPv6: calico-node runs with IP6=none and FELIX_IPV6SUPPORT=false, ` +
          'so pods from this pool are unreachable; set IPv6Support: true or disable the IPv6 pool',
      }));
  },
});

export const ipPoolMissing = defineRule({
  scope: 'cluster',
  id: 'ip-pool-missing',
  severity: 'error',
  description: 'A cluster deployed with the chart has at least one enabled IP pool (the chart turns off Calico\'s default pools)',
  check(cluster) {
    if (cluster.values === undefined) return [];
    if (poolsOf(cluster).some((p) => !p.disabled)) return [];
    if (calicoObjects(cluster, 'IPPool').length > poolsOf(cluster).length) return []; // an unreadable pool: its own rules report it
    const any = calicoObjects(cluster, 'IPPool')[0];
    return [
      {
        object: any ? refOf(any) : 'values',
        path: any ? '/spec/disabled' : '/IPPools',
        message:
          'the cluster has no enabled IP pool: calico-node starts with NO_DEFAULT_POOLS=true, so pods get no address; ' +
          'add a pool per address family under IPPools',
      },
    ];
  },
});
