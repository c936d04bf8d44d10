/**
 * The live figures in JSON: exactly the fields of issue 12 §3. Counts that follow from a pool's
 * geometry can pass 2^53 (an IPv6 /64 of /122 blocks has 2^58 slots), so they are decimal strings,
 * always, so that a reader's type does not depend on the pool; the others are numbers.
 */
import type { ClusterLiveFigures, PoolLiveFigures } from './analyse';

export interface PoolLiveJson {
  blocksClaimed: number;
  blocksFree: string;
  blocksOtherSize: number;
  addressesInUse: number;
  nodesWithBlocks: number;
  maxBlocksOnOneNode: { node: string; blocks: number } | null;
  nodesWithoutBlock: number;
  nodesThatCanStillJoin: string;
  blocksOfGoneNodes: number;
  borrowedAddresses: number;
}

export function poolLiveJson(figures: PoolLiveFigures): PoolLiveJson {
  return {
    blocksClaimed: figures.blocksClaimed,
    blocksFree: String(figures.blocksFree),
    blocksOtherSize: figures.blocksOtherSize,
    addressesInUse: figures.addressesInUse,
    nodesWithBlocks: figures.nodesWithBlocks,
    maxBlocksOnOneNode: figures.maxBlocksOnOneNode && { ...figures.maxBlocksOnOneNode },
    nodesWithoutBlock: figures.nodesWithoutBlock,
    nodesThatCanStillJoin: String(figures.nodesThatCanStillJoin),
    blocksOfGoneNodes: figures.blocksOfGoneNodes,
    borrowedAddresses: figures.borrowedAddresses,
  };
}

export function clusterLiveJson(live: ClusterLiveFigures): ClusterLiveFigures {
  return { nodes: live.nodes, orphanedBlocks: live.orphanedBlocks, deletedBlocks: live.deletedBlocks, pendingAffinities: live.pendingAffinities, calicoVersion: live.calicoVersion };
}
