/**
 * A pool's pool-sized slots (places for a block of its blockSize) that live blocks take. Counted
 * from the blocks, never slot by slot: an IPv6 /64 pool of /122 blocks has 2^58 slots.
 */
import { cidrFirst, cidrLast, familyBits } from '../core/net';
import type { IpamBlock, PoolGeometry } from './model';

/** Slot indexes within the pool, both ends included. */
export interface SlotRange {
  first: bigint;
  last: bigint;
}

/** 2^(blockSize − prefix); 0 for a pool smaller than one block (Calico refuses such a pool). */
export function slotCount(pool: PoolGeometry): bigint {
  return pool.blockSize >= pool.cidr.prefix ? 1n << BigInt(pool.blockSize - pool.cidr.prefix) : 0n;
}

/** Whether the block shares an address with the pool. */
export function overlapsPool(pool: PoolGeometry, block: IpamBlock): boolean {
  return block.cidr.family === pool.cidr.family && cidrFirst(block.cidr) <= cidrLast(pool.cidr) && cidrLast(block.cidr) >= cidrFirst(pool.cidr);
}

/** The slots one block takes in the pool (clipped to the pool); undefined when it does not overlap. */
export function slotsOf(pool: PoolGeometry, block: IpamBlock): SlotRange | undefined {
  if (!overlapsPool(pool, block) || slotCount(pool) === 0n) return undefined;
  const shift = BigInt(familyBits(pool.cidr.family) - pool.blockSize);
  const start = cidrFirst(pool.cidr);
  const low = cidrFirst(block.cidr) > start ? cidrFirst(block.cidr) : start;
  const high = cidrLast(block.cidr) < cidrLast(pool.cidr) ? cidrLast(block.cidr) : cidrLast(pool.cidr);
  return { first: (low - start) >> shift, last: (high - start) >> shift };
}

/** Sorted, non-overlapping, adjacent ranges joined. */
export function mergeRanges(ranges: readonly SlotRange[]): SlotRange[] {
  const sorted = [...ranges].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  const merged: SlotRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.first <= last.last + 1n) {
      if (range.last > last.last) last.last = range.last;
    } else merged.push({ ...range });
  }
  return merged;
}

export function rangesSize(ranges: readonly SlotRange[]): bigint {
  return ranges.reduce((sum, range) => sum + (range.last - range.first + 1n), 0n);
}
