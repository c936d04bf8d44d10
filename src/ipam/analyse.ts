/**
 * The live figures of issue 12 §3: per pool how its blocks are used and how many more nodes can
 * get one, per cluster what is left over. Counts that follow from a pool's geometry (free slots,
 * nodes that can join) are bigints: an IPv6 /64 of /122 blocks has 2^58 slots.
 */
import { formatCidr } from '../core/net';
import { matchesLabels, parseSelector } from '../core/selector';
import type { IpamBlock, IpamState, PoolGeometry } from './model';
import { blockOwnership, type BlockOwnership } from './ownership';
import { mergeRanges, rangesSize, slotCount, slotsOf, type SlotRange } from './slots';

export interface PoolLiveFigures {
  /** the pool's name and geometry, for reports */
  pool: string;
  cidr: string;
  family: 4 | 6;
  blockSize: number;
  disabled: boolean;
  /** pool-sized slots in the pool (its declared block count) */
  slots: bigint;
  /** blocks of the pool's own size inside it, not deleted, with an affinity */
  blocksClaimed: number;
  /** pool-sized slots that no live block overlaps */
  blocksFree: bigint;
  /** live blocks inside the pool whose prefix is not its blockSize */
  blocksOtherSize: number;
  /** allocated addresses in the pool's live blocks, any size */
  addressesInUse: number;
  /** existing nodes holding at least one of its blocks */
  nodesWithBlocks: number;
  maxBlocksOnOneNode: { node: string; blocks: number } | null;
  /** existing nodes its nodeSelector picks that hold none of its blocks yet */
  nodesWithoutBlock: number;
  /** blocksFree − nodesWithoutBlock, not below 0: under strict affinity each node needs a block of its own */
  nodesThatCanStillJoin: bigint;
  /** blocks affine to a node that no longer exists (Calico before 3.20 never gives them back) */
  blocksOfGoneNodes: number;
  /** allocations whose pod runs on another node than the block's */
  borrowedAddresses: number;
}

export interface ClusterLiveFigures {
  nodes: number;
  /** live blocks in no pool */
  orphanedBlocks: number;
  /** blocks with `deleted: true` (skipped by every other count) */
  deletedBlocks: number;
  pendingAffinities: number;
  calicoVersion: string | null;
}

export interface IpamFigures {
  pools: PoolLiveFigures[];
  live: ClusterLiveFigures;
}

/** Live figures for `pools` (the definition's; the cluster's own IPPools when left out). */
export function liveFigures(state: IpamState, pools: readonly PoolGeometry[] = state.pools, ownership: BlockOwnership = blockOwnership(pools, state)): IpamFigures {
  return {
    pools: pools.map((pool) => poolFigures(pool, ownership.byPool.get(pool.name) ?? [], ownership.live, state)),
    live: {
      nodes: state.nodes.size,
      orphanedBlocks: ownership.orphaned.length,
      deletedBlocks: ownership.deleted,
      pendingAffinities: state.affinities.filter((affinity) => affinity.state === 'pending').length,
      calicoVersion: state.calicoVersion ?? null,
    },
  };
}

function poolFigures(pool: PoolGeometry, own: readonly IpamBlock[], live: readonly IpamBlock[], state: IpamState): PoolLiveFigures {
  const slots = slotCount(pool);
  const blocksFree = slots - rangesSize(occupiedSlots(pool, live));
  const perNode = blocksPerNode(own, state);
  const nodesWithoutBlock = selectedNodes(pool, state).filter((node) => !perNode.has(node)).length;
  const canJoin = blocksFree - BigInt(nodesWithoutBlock);
  return {
    pool: pool.name,
    cidr: formatCidr(pool.cidr),
    family: pool.cidr.family,
    blockSize: pool.blockSize,
    disabled: pool.disabled,
    slots,
    blocksClaimed: own.filter((block) => block.cidr.prefix === pool.blockSize && block.affinity.kind !== 'none').length,
    blocksFree,
    blocksOtherSize: own.filter((block) => block.cidr.prefix !== pool.blockSize).length,
    addressesInUse: sum(own, (block) => block.allocated),
    nodesWithBlocks: perNode.size,
    maxBlocksOnOneNode: busiest(perNode),
    nodesWithoutBlock,
    nodesThatCanStillJoin: canJoin > 0n ? canJoin : 0n,
    blocksOfGoneNodes: own.filter((block) => block.affinity.kind === 'host' && !state.nodes.has(block.affinity.node)).length,
    borrowedAddresses: sum(own, (block) => block.borrowed),
  };
}

/** Merged slot ranges that live blocks (of any pool, or none) take in this pool. */
export function occupiedSlots(pool: PoolGeometry, live: readonly IpamBlock[]): SlotRange[] {
  const ranges: SlotRange[] = [];
  for (const block of live) {
    const range = slotsOf(pool, block);
    if (range) ranges.push(range);
  }
  return mergeRanges(ranges);
}

/** Existing nodes → how many of these blocks are affine to them. */
function blocksPerNode(blocks: readonly IpamBlock[], state: IpamState): Map<string, number> {
  const counts = new Map<string, number>();
  for (const block of blocks) {
    if (block.affinity.kind === 'host' && state.nodes.has(block.affinity.node)) counts.set(block.affinity.node, (counts.get(block.affinity.node) ?? 0) + 1);
  }
  return counts;
}

/** The node with the most blocks; on a tie the first by name, so the figure is stable. */
function busiest(counts: ReadonlyMap<string, number>): { node: string; blocks: number } | null {
  let best: { node: string; blocks: number } | null = null;
  for (const [node, blocks] of counts) if (!best || blocks > best.blocks || (blocks === best.blocks && node < best.node)) best = { node, blocks };
  return best;
}

/** Existing nodes the pool's nodeSelector picks (none for a selector Calico would not parse). */
export function selectedNodes(pool: PoolGeometry, state: IpamState): string[] {
  const parsed = parseSelector(pool.nodeSelector);
  if (!parsed.ok) return [];
  return [...state.nodes].filter(([, labels]) => matchesLabels(parsed.ast, labels)).map(([name]) => name);
}

function sum<T>(items: readonly T[], of: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += of(item);
  return total;
}
