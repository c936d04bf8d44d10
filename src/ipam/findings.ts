/** What the live figures mean for a cluster: a pool filling up, or no room for the nodes to come. */
import type { Finding } from '../core/findings';
import type { IpamFigures, PoolLiveFigures } from './analyse';

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

export function liveFindings(figures: IpamFigures, options: LiveFindingOptions): Finding[] {
  const enabled = figures.pools.filter((pool) => !pool.disabled);
  return [
    ...enabled.flatMap((pool) => [...nearlyFull(pool, options), ...noRoom(pool, options)]),
    ...[4, 6].flatMap((family) => tooFewForExpected(enabled.filter((pool) => pool.family === family), figures.live.nodes, options)),
  ];
}

function finding(rule: typeof POOL_NEARLY_FULL | typeof POOL_NO_ROOM, pool: PoolLiveFigures, cluster: string, message: string): Finding {
  return { rule: rule.id, severity: rule.severity, cluster, object: `IPPool/${pool.pool}`, path: '/spec/cidr', message };
}

function describePool(pool: PoolLiveFigures): string {
  return `pool ${pool.pool} (${pool.cidr}, /${pool.blockSize} blocks)`;
}

/** What frees room, in the order an operator would try it. */
function remedies(pools: readonly PoolLiveFigures[]): string {
  const blocks = pools.reduce((sum, pool) => sum + pool.blocksOfGoneNodes, 0);
  const gone = blocks > 0 ? `release the ${blocks} block${blocks === 1 ? '' : 's'} of nodes that are gone (with the datastore locked by calicoctl datastore migrate lock: calicoctl ipam check -o report.json, calicoctl ipam release --from-report report.json, then unlock), or ` : '';
  return `${gone}add a second IPPool with a free range for new nodes (a pool's cidr cannot grow in place)`;
}

function nearlyFull(pool: PoolLiveFigures, options: LiveFindingOptions): Finding[] {
  if (pool.disabled || pool.slots === 0n) return [];
  const taken = pool.slots - pool.blocksFree;
  if (taken * 100n <= pool.slots * 80n) return [];
  const perMille = Number((taken * 1000n) / pool.slots);
  return [finding(POOL_NEARLY_FULL, pool, options.cluster,
    `${describePool(pool)}: ${taken} of its ${pool.slots} block slots are taken (${(perMille / 10).toFixed(1)} %, above 80 %: ${pool.blocksClaimed} claimed by nodes, ${pool.blocksOtherSize} blocks of other sizes, ${pool.blocksOfGoneNodes} of nodes that are gone); ${pool.blocksFree} are free and ${pool.nodesWithoutBlock} nodes it picks have none yet, so ${pool.nodesThatCanStillJoin} more nodes can join. Plan room now: ${remedies([pool])}`)];
}

function joinState(pool: PoolLiveFigures): string {
  return `${pool.blocksFree} free block slot${pool.blocksFree === 1n ? '' : 's'} and ${pool.nodesWithoutBlock} node${pool.nodesWithoutBlock === 1 ? '' : 's'} it picks still without a block`;
}

function noRoom(pool: PoolLiveFigures, options: LiveFindingOptions): Finding[] {
  if (pool.nodesThatCanStillJoin > 0n) return [];
  return [finding(POOL_NO_ROOM, pool, options.cluster, `${describePool(pool)}: no further node can get a block of its own (${joinState(pool)}); under strict affinity such a node starts no pods. To make room: ${remedies([pool])}`)];
}

/**
 * A joining node takes its blocks from whichever enabled pool of each family picks it, so the
 * family's pools together must leave room for the nodes still expected. Reported once, on the
 * family's first pool; a family already reported as full (no room at all) is not reported again.
 */
function tooFewForExpected(family: readonly PoolLiveFigures[], liveNodes: number, options: LiveFindingOptions): Finding[] {
  const expected = options.expectedNodes;
  if (expected === undefined || expected <= liveNodes || family.length === 0) return [];
  const room = family.reduce((sum, pool) => sum + pool.nodesThatCanStillJoin, 0n);
  const toCome = BigInt(expected - liveNodes);
  if (room >= toCome || room === 0n) return [];
  const each = family.map((pool) => `${pool.pool}: ${pool.nodesThatCanStillJoin} (${joinState(pool)})`).join('; ');
  return [finding(POOL_NO_ROOM, family[0]!, options.cluster,
    `only ${room} more node${room === 1n ? '' : 's'} can get a block of their own in ${family.length === 1 ? describePool(family[0]!) : `the pools ${family.map((pool) => `${pool.pool} (${pool.cidr})`).join(', ')}`} (${each}), but capacity.expectedNodes is ${expected} and ${liveNodes} nodes exist, so ${toCome} are still to come. Lower expectedNodes to what the pools hold, or make room: ${remedies(family)}`)];
}
