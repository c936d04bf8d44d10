/**
 * Service ranges (serviceClusterIPs, serviceExternalIPs, serviceLoadBalancerIPs) are announced over
 * BGP to the same routers as the pod pools: a service range that shares addresses with any pod
 * pool of the fleet, or with another cluster's service range, sends one's traffic to the other.
 */
import { type FleetHit, defineRule } from '../../rule';
import { factHit } from './fact-hit';
import type { PoolFact, ServiceRangeFact } from './facts';
import { overlappingPairs, rangeOfCanonical, type AddressRange } from './overlap';

type Announced = { cluster: string; pool: PoolFact } | { cluster: string; service: ServiceRangeFact };

const fact = (range: Announced) => ('pool' in range ? range.pool : range.service);

function describe(range: Announced): string {
  return 'pool' in range
    ? `pod CIDR ${range.pool.cidr} (cluster ${range.cluster}, pool ${range.pool.name})`
    : `service range ${range.service.cidr} (cluster ${range.cluster}, ${range.service.list})`;
}

function message(own: Announced, other: Announced): string {
  return (
    `${describe(own)} overlaps ${describe(other)}: the nodes announce both to the routers, so traffic for one reaches the other ` +
    `(a Service's address answered by a pod, or by ${own.cluster === other.cluster ? 'the wrong Service' : "another cluster's nodes"}); give each range addresses of its own`
  );
}

export const serviceRangeOverlap = defineRule({
  scope: 'fleet',
  id: 'service-range-overlap',
  severity: 'error',
  description: "No service range (serviceClusterIPs, serviceExternalIPs, serviceLoadBalancerIPs) overlaps a pod pool of the fleet or another cluster's service range",
  check(fleet) {
    const announced: Announced[] = [];
    const ranges: AddressRange[] = [];
    const add = (entry: Announced) => {
      const range = rangeOfCanonical(fact(entry).cidr);
      if (!range) return;
      announced.push(entry);
      ranges.push(range);
    };
    for (const facts of fleet) for (const service of facts.serviceRanges) add({ cluster: facts.cluster, service });
    // pools matter only when some cluster announces a service range at all
    if (announced.length === 0) return [];
    for (const facts of fleet) for (const pool of facts.pools) add({ cluster: facts.cluster, pool });
    const hits: FleetHit[] = [];
    for (const [i, j] of overlappingPairs(ranges)) hits.push(...overlapHits(announced[i]!, announced[j]!));
    return hits;
  },
});

/**
 * Two pools are pool-overlap's; two service ranges of one cluster are no BGP conflict. Each cluster
 * involved is told once: a service range over its own cluster's pool is one finding, at the range.
 */
function overlapHits(a: Announced, b: Announced): FleetHit[] {
  if ('pool' in a && 'pool' in b) return [];
  if (a.cluster === b.cluster) {
    if ('service' in a && 'service' in b) return [];
    const [service, pool] = 'service' in a ? [a, b] : [b, a];
    return [factHit(service.cluster, fact(service), message(service, pool))];
  }
  return [factHit(a.cluster, fact(a), message(a, b)), factHit(b.cluster, fact(b), message(b, a))];
}
