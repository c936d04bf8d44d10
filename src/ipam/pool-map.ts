/**
 * What a pool's block map shows: the taken slots, each with its state, node and fill, in slot
 * order. Free slots are not listed (there can be 2^58 of them); the page draws them from the gaps.
 */
import { familyBits, formatCidr } from '../core/net';
import type { IpamBlock, IpamState, PoolGeometry } from './model';
import { blockOwnership, type BlockOwnership } from './ownership';
import { slotCount, slotsOf } from './slots';

/** claimed: own size, affine to an existing node; gone: its node no longer exists; other: another block size; unaffined: own size, no node */
export type CellState = 'claimed' | 'gone' | 'other' | 'unaffined';

export interface MapCell {
  /** slot indexes within the pool, both included */
  first: bigint;
  last: bigint;
  state: CellState;
  /** the node the blocks are affine to, when one */
  node?: string;
  blocks: string[];
  allocated: number;
  /** addresses the blocks hold */
  size: number;
}

export interface PoolMap {
  pool: string;
  cidr: string;
  blockSize: number;
  slots: bigint;
  cells: MapCell[];
}

export function poolMaps(state: IpamState, pools: readonly PoolGeometry[] = state.pools, ownership: BlockOwnership = blockOwnership(pools, state)): PoolMap[] {
  return pools.map((pool) => poolMap(pool, ownership.live, state));
}

function poolMap(pool: PoolGeometry, live: readonly IpamBlock[], state: IpamState): PoolMap {
  const cells: MapCell[] = [];
  for (const block of live) {
    const range = slotsOf(pool, block);
    if (!range) continue;
    const cell: MapCell = { first: range.first, last: range.last, state: cellState(pool, block, state), blocks: [block.cidrText], allocated: block.allocated, size: 2 ** (familyBits(block.cidr.family) - block.cidr.prefix) };
    if (block.affinity.kind === 'host') cell.node = block.affinity.node;
    cells.push(cell);
  }
  cells.sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  return { pool: pool.name, cidr: formatCidr(pool.cidr), blockSize: pool.blockSize, slots: slotCount(pool), cells: mergeShared(cells) };
}

function cellState(pool: PoolGeometry, block: IpamBlock, state: IpamState): CellState {
  if (block.cidr.prefix !== pool.blockSize) return 'other';
  if (block.affinity.kind !== 'host') return 'unaffined';
  return state.nodes.has(block.affinity.node) ? 'claimed' : 'gone';
}

/** Blocks sharing a slot (several smaller blocks in one, or overlapping ones) become one cell. */
function mergeShared(sorted: MapCell[]): MapCell[] {
  const merged: MapCell[] = [];
  for (const cell of sorted) {
    const previous = merged[merged.length - 1];
    if (!previous || cell.first > previous.last) {
      merged.push(cell);
      continue;
    }
    if (cell.last > previous.last) previous.last = cell.last;
    previous.state = 'other';
    if (previous.node !== cell.node) delete previous.node;
    previous.blocks.push(...cell.blocks);
    previous.allocated += cell.allocated;
    previous.size += cell.size;
  }
  return merged;
}
