/** IPAM capacity: the pools must hold the nodes the cluster expects (see src/core/capacity.ts). */
import { CAPACITY_WARN_PER_MILLE, addressesPerBlock, blocksIn, blocksPerNode, maxNodesFor, poolCapacity, type PoolCapacity } from '../../../core/capacity';
import { clusterCapacity, strictAffinityOf } from '../../capacity';
import type { Hit } from '../../../core/findings';
import { defineRule } from '../../rule';
import type { ClusterInput } from './input';
import { defaultObject, familyName, poolsOf, specOf } from './view';

function enabledCapacities(cluster: ClusterInput, family: 4 | 6, strict: boolean): PoolCapacity[] {
  return poolsOf(cluster)
    .filter((p) => !p.disabled && p.cidr.family === family)
    .map((p) => poolCapacity(p, cluster.capacity.maxPodsPerNode, strict));
}

/** The longest prefix whose pool (same block size) would hold `nodes` at no more than 80 %. */
function suggestedPrefix(pool: PoolCapacity, nodes: number, maxPods: number, strict: boolean): number | undefined {
  const wanted = BigInt(Math.ceil((nodes * 1000) / CAPACITY_WARN_PER_MILLE));
  for (let prefix = pool.blockSize; prefix >= 0; prefix--) {
    const blocks = blocksIn(prefix, pool.blockSize);
    const perBlock = addressesPerBlock(pool.family, pool.blockSize);
    if (maxNodesFor([{ blocks, addressesPerBlock: perBlock, blocksPerNode: blocksPerNode(maxPods, perBlock) }], maxPods, strict) >= wanted) return prefix;
  }
  return undefined;
}

function capacityMessage(cluster: ClusterInput, pools: PoolCapacity[], maxNodes: bigint, perMille: number, strict: boolean): string {
  const expected = cluster.capacity.expectedNodes!;
  const maxPods = cluster.capacity.maxPodsPerNode;
  const pool = pools[0]!;
  const what =
    pools.length === 1
      ? `pool ${pool.name} (${pool.cidr}, blockSize ${pool.blockSize}) holds ${pool.blocks} blocks of ${pool.addressesPerBlock} addresses`
      : `the ${familyName(pool.family)} pools ${pools.map((p) => p.name).join(', ')} together`;
  const need = strict
    ? `under strict affinity each node needs ${pool.blocksPerNode} block${pool.blocksPerNode === 1n ? '' : 's'} of its own for ${maxPods} pods`
    : `each node may run ${maxPods} pods`;
  const percent = Number.isFinite(perMille) ? `${(perMille / 10).toFixed(1)}%` : 'no capacity at all';
  const prefix = pools.length === 1 ? suggestedPrefix(pool, expected, maxPods, strict) : undefined;
  const fix = prefix !== undefined ? `a /${prefix} pool would hold them at 80% or less (a pool's CIDR cannot change in place: add the larger pool, then disable the old one)` : 'add address space';
  return `${what}; ${need}, so at most ${maxNodes} nodes fit, and the cluster expects ${expected} (${percent}); ${fix}, or lower maxPodsPerNode`;
}

export const poolCapacityRule = defineRule({
  scope: 'cluster',
  id: 'pool-capacity',
  severity: 'error',
  alsoAs: ['warning'],
  description: 'The IP pools hold the expected node count: error above 100 % of what they can hold, warning above 80 %',
  check(cluster) {
    if (cluster.capacity.expectedNodes === undefined) return [];
    const capacity = clusterCapacity(cluster);
    const hits: Hit[] = [];
    for (const family of capacity.families) {
      if (!family.severity) continue;
      const message = capacityMessage(cluster, family.pools, family.maxNodes, family.perMille!, capacity.strictAffinity);
      for (const pool of family.pools) hits.push({ object: `IPPool/${pool.name}`, path: '/spec/cidr', severity: family.severity, message });
    }
    return hits;
  },
});

export const maxBlocksPerHostTooLow = defineRule({
  scope: 'cluster',
  id: 'max-blocks-per-host-too-low',
  severity: 'warning',
  description: 'Under strict affinity, maxBlocksPerHost blocks hold the pods a node may run',
  check(cluster) {
    const ipam = defaultObject(cluster, 'IPAMConfig');
    const limit = ipam ? specOf(ipam).maxBlocksPerHost : undefined;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit <= 0 || !strictAffinityOf(cluster)) return [];
    const maxPods = cluster.capacity.maxPodsPerNode;
    const hits: Hit[] = [];
    for (const family of [4, 6] as const) {
      // strict affinity is on: checked above
      const pools = enabledCapacities(cluster, family, true);
      if (pools.length === 0) continue;
      const largest = pools.reduce((max, p) => (p.addressesPerBlock > max ? p.addressesPerBlock : max), 0n);
      const addresses = BigInt(limit) * largest;
      if (addresses >= BigInt(maxPods)) continue;
      hits.push({
        object: 'IPAMConfig/default',
        path: '/spec/maxBlocksPerHost',
        message:
          `maxBlocksPerHost ${limit} with ${familyName(family)} blocks of at most ${largest} addresses lets a node hold ${addresses} ${familyName(family)} addresses, ` +
          `fewer than the ${maxPods} pods it may run: under strict affinity the rest get no address; raise maxBlocksPerHost to ${(BigInt(maxPods) + largest - 1n) / largest} or more, or set it to 0 (unlimited)`,
      });
    }
    return hits;
  },
});
