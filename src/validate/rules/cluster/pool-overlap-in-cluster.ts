import { formatCidr } from '../../../core/net';
import type { Hit } from '../../../core/findings';
import { overlappingPairs } from '../fleet/overlap';
import { defineRule } from '../../rule';
import { poolsOf } from './view';

export const poolOverlapInCluster = defineRule({
  scope: 'cluster',
  id: 'pool-overlap-in-cluster',
  severity: 'error',
  description: 'No two IP pools of one cluster overlap (Calico refuses the second pool)',
  check(cluster) {
    const pools = poolsOf(cluster);
    const hits: Hit[] = [];
    for (const [i, j] of overlappingPairs(pools.map((p) => p.cidr))) {
      const [first, second] = [pools[i]!, pools[j]!];
      hits.push({
        object: second.ref,
        path: '/spec/cidr',
        message:
          `pool ${second.name} (${formatCidr(second.cidr)}) overlaps pool ${first.name} (${formatCidr(first.cidr)}) of the same cluster: ` +
          'calicoctl refuses a pool that overlaps an existing one, and under kubectl both are stored and hand out the same addresses; ' +
          'give each pool its own range or remove one',
      });
    }
    return hits;
  },
});
