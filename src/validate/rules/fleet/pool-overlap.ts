import { type FleetHit, defineRule } from '../../rule';
import { factHit } from './fact-hit';
import type { PoolFact } from './facts';
import { overlappingPairs, rangeOfCanonical, type AddressRange } from './overlap';

export const poolOverlap = defineRule({
  scope: 'fleet',
  id: 'pool-overlap',
  severity: 'error',
  description: 'The pod CIDRs (IP pools) of two clusters do not overlap',
  check(fleet) {
    const pools: { cluster: string; fact: PoolFact }[] = [];
    const ranges: AddressRange[] = [];
    for (const facts of fleet) {
      for (const fact of facts.pools) {
        const range = rangeOfCanonical(fact.cidr);
        if (!range) continue;
        pools.push({ cluster: facts.cluster, fact });
        ranges.push(range);
      }
    }
    const hits: FleetHit[] = [];
    for (const [i, j] of overlappingPairs(ranges)) {
      const [a, b] = [pools[i]!, pools[j]!];
      if (a.cluster === b.cluster) continue; // pool-overlap-in-cluster's finding
      hits.push(factHit(a.cluster, a.fact, overlapMessage(a, b)), factHit(b.cluster, b.fact, overlapMessage(b, a)));
    }
    return hits;
  },
});

function overlapMessage(own: { cluster: string; fact: PoolFact }, other: { cluster: string; fact: PoolFact }): string {
  return (
    `pod CIDR ${own.fact.cidr} (cluster ${own.cluster}, pool ${own.fact.name}) overlaps ${other.fact.cidr} (cluster ${other.cluster}, pool ${other.fact.name}): ` +
    'both clusters would announce the same addresses to the routers, and traffic for one cluster\'s pods reaches the other; give each cluster a range of its own'
  );
}
