/** What the live figures mean for a cluster: a pool filling up, or no room for the nodes to come. */
import type { Finding } from '../validate/finding';
import type { IpamFigures, PoolLiveFigures } from './analyse';
import { selectsEveryNode } from './analyse';
import type { PoolGeometry } from './model';

export const POOL_NEARLY_FULL = {
  id: 'ipam-pool-nearly-full',
  severity: 'warning',
  description: "More than 80 % of a live pool's block slots are taken (by blocks of any node, size or state)",
} as const;

export const POOL_NO_ROOM = {
  id: 'ipam-pool-no-room-for-nodes',
  severity: 'error',
  description: 'An enabled live pool has no free block for another node, or fewer than capacity.expectedNodes still needs',
} as const;

export interface LiveFindingOptions {
  cluster: string;
  /** the definition's capacity.expectedNodes */
  expectedNodes?: number;
}

export function liveFindings(figures: IpamFigures, pools: readonly PoolGeometry[], options: LiveFindingOptions): Finding[] {
  return figures.pools.flatMap((pool) => {
    const geometry = pools.find((p) => p.name === pool.pool);
    return [...nearlyFull(pool, options), ...noRoom(pool, geometry, figures.live.nodes, options)];
  });
}

function finding(rule: typeof POOL_NEARLY_FULL | typeof POOL_NO_ROOM, pool: PoolLiveFigures, cluster: string, message: string): Finding {
  return { rule: rule.id, severity: rule.severity, cluster, object: `IPPool/${pool.pool}`, path: '/spec/cidr', message };
}

function describePool(pool: PoolLiveFigures): string {
  return `pool ${pool.pool} (${pool.cidr}, /${pool.blockSize} blocks)`;
}

/** What frees room, in the order an operator would try it. */
function remedies(pool: PoolLiveFigures): string {
  const gone = pool.blocksOfGoneNodes > 0 ? `release the ${pool.blocksOfGoneNodes} block${pool.blocksOfGoneNodes === 1 ? '' : 's'} of nodes that are gone (with the datastore locked by calicoctl datastore migrate lock: calicoctl ipam check -o report.json, calicoctl ipam release --from-report report.json, then unlock), or ` : '';
  return `${gone}add a second IPPool with a free range for new nodes (a pool's cidr cannot grow in place)`;
}

function nearlyFull(pool: PoolLiveFigures, options: LiveFindingOptions): Finding[] {
  if (pool.disabled || pool.slots === 0n) return [];
  const taken = pool.slots - pool.blocksFree;
  if (taken * 100n <= pool.slots * 80n) return [];
  const perMille = Number((taken * 1000n) / pool.slots);
  return [finding(POOL_NEARLY_FULL, pool, options.cluster,
    `${describePool(pool)}: ${taken} of its ${pool.slots} block slots are taken (${(perMille / 10).toFixed(1)} %, above 80 %: ${pool.blocksClaimed} claimed by nodes, ${pool.blocksOtherSize} blocks of other sizes, ${pool.blocksOfGoneNodes} of nodes that are gone); ${pool.blocksFree} are free and ${pool.nodesWithoutBlock} nodes it picks have none yet, so ${pool.nodesThatCanStillJoin} more nodes can join. Plan room now: ${remedies(pool)}`)];
}

function noRoom(pool: PoolLiveFigures, geometry: PoolGeometry | undefined, liveNodes: number, options: LiveFindingOptions): Finding[] {
  if (pool.disabled || !geometry) return [];
  const state = `${pool.blocksFree} free block slot${pool.blocksFree === 1n ? '' : 's'} and ${pool.nodesWithoutBlock} node${pool.nodesWithoutBlock === 1 ? '' : 's'} it picks still without a block`;
  if (pool.nodesThatCanStillJoin === 0n) {
    return [finding(POOL_NO_ROOM, pool, options.cluster, `${describePool(pool)}: no further node can get a block of its own (${state}); under strict affinity such a node starts no pods. To make room: ${remedies(pool)}`)];
  }
  const expected = options.expectedNodes;
  if (expected === undefined || !selectsEveryNode(geometry) || expected <= liveNodes) return [];
  const toCome = BigInt(expected - liveNodes);
  if (pool.nodesThatCanStillJoin >= toCome) return [];
  return [finding(POOL_NO_ROOM, pool, options.cluster,
    `${describePool(pool)}: only ${pool.nodesThatCanStillJoin} more node${pool.nodesThatCanStillJoin === 1n ? '' : 's'} can get a block of its own (${state}), but capacity.expectedNodes is ${expected} and ${liveNodes} nodes exist, so ${toCome} are still to come. Lower expectedNodes to what the pool holds, or make room: ${remedies(pool)}`)];
}
