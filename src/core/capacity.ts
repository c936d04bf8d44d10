/**
 * IPAM capacity arithmetic. A pool of prefix p and block size b holds 2^(b − p) blocks of
 * 2^(bits − b) addresses. Under strict affinity a node allocates only from blocks affine to it, so
 * it needs ceil(maxPods / addressesPerBlock) blocks of its own and the pool caps the node count at
 * floor(blocks / blocksPerNode). Without strict affinity nodes borrow from each other's blocks and
 * only the addresses count. BigInt throughout: an IPv6 /64 of /122 blocks has 2^58 of them.
 */
import type { Cidr } from './net';
import { familyBits, formatCidr } from './net';

export interface PoolCapacity {
  name: string;
  /** the pool's network in Calico's canonical form */
  cidr: string;
  family: 4 | 6;
  blockSize: number;
  blocks: bigint;
  addressesPerBlock: bigint;
  blocksPerNode: bigint;
  maxNodes: bigint;
  disabled: boolean;
}

/** Blocks in a pool; 0 when the pool is smaller than one block (Calico refuses such a pool). */
export function blocksIn(prefix: number, blockSize: number): bigint {
  return blockSize >= prefix ? 1n << BigInt(blockSize - prefix) : 0n;
}

export function addressesPerBlock(family: 4 | 6, blockSize: number): bigint {
  return 1n << BigInt(familyBits(family) - blockSize);
}

/** Blocks a node needs for maxPods addresses; at least one, as a node with pods claims a block. */
export function blocksPerNode(maxPods: number, perBlock: bigint): bigint {
  const needed = (BigInt(Math.max(1, Math.ceil(maxPods))) + perBlock - 1n) / perBlock;
  return needed > 0n ? needed : 1n;
}

export function poolCapacity(pool: { name: string; cidr: Cidr; blockSize: number; disabled?: boolean }, maxPods: number, strictAffinity: boolean): PoolCapacity {
  const blocks = blocksIn(pool.cidr.prefix, pool.blockSize);
  const perBlock = addressesPerBlock(pool.cidr.family, pool.blockSize);
  const perNode = blocksPerNode(maxPods, perBlock);
  return {
    name: pool.name,
    cidr: formatCidr(pool.cidr),
    family: pool.cidr.family,
    blockSize: pool.blockSize,
    blocks,
    addressesPerBlock: perBlock,
    blocksPerNode: perNode,
    maxNodes: maxNodesFor([{ blocks, addressesPerBlock: perBlock, blocksPerNode: perNode }], maxPods, strictAffinity),
    disabled: pool.disabled ?? false,
  };
}

type Sized = Pick<PoolCapacity, 'blocks' | 'addressesPerBlock' | 'blocksPerNode'>;

/**
 * Nodes that a set of pools of one family can hold together. Exact for pools of one block size;
 * for mixed block sizes an upper bound (each node needs maxPods addresses of its own and at least
 * one block), so the capacity rule never reports a shortage that is not there.
 */
export function maxNodesFor(pools: readonly Sized[], maxPods: number, strictAffinity: boolean): bigint {
  if (pools.length === 0) return 0n;
  const pods = BigInt(Math.max(1, Math.ceil(maxPods)));
  const blocks = pools.reduce((sum, p) => sum + p.blocks, 0n);
  const addresses = pools.reduce((sum, p) => sum + p.blocks * p.addressesPerBlock, 0n);
  if (!strictAffinity) return addresses / pods;
  const sizes = new Set(pools.map((p) => p.addressesPerBlock));
  if (sizes.size === 1) return blocks / pools[0]!.blocksPerNode;
  const byAddresses = addresses / pods;
  return byAddresses < blocks ? byAddresses : blocks;
}

/** Above this share of what its pools hold, a family's capacity is a warning; above the second, an error. */
export const CAPACITY_WARN_PER_MILLE = 800;
export const CAPACITY_ERROR_PER_MILLE = 1000;

export function capacitySeverity(perMille: number): 'warning' | 'error' | undefined {
  return perMille > CAPACITY_ERROR_PER_MILLE ? 'error' : perMille > CAPACITY_WARN_PER_MILLE ? 'warning' : undefined;
}

/** Percentage of the capacity the expected nodes use, rounded down to a tenth (Infinity for 0). */
export function utilisationPerMille(expectedNodes: number, maxNodes: bigint): number {
  if (maxNodes === 0n) return expectedNodes > 0 ? Infinity : 0;
  return Number((BigInt(Math.ceil(expectedNodes)) * 1000n) / maxNodes);
}
