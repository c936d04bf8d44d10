/**
 * Which pool a live block belongs to: the first pool whose CIDR contains it, else none (orphaned).
 * The pools asked about come first, then live pools of other names, so a block in a pool the
 * cluster has but the definition does not is neither counted for another pool nor orphaned.
 */
import { cidrContains } from '../core/net';
import type { IpamBlock, IpamState, PoolGeometry } from './model';

export interface BlockOwnership {
  /** live (not deleted) blocks of each pool asked about, by pool name */
  byPool: ReadonlyMap<string, IpamBlock[]>;
  orphaned: IpamBlock[];
  live: IpamBlock[];
  deleted: number;
}

export function ownPools(pools: readonly PoolGeometry[], state: IpamState): PoolGeometry[] {
  const names = new Set(pools.map((pool) => pool.name));
  return [...pools, ...state.pools.filter((pool) => !names.has(pool.name))];
}

export function blockOwnership(pools: readonly PoolGeometry[], state: IpamState): BlockOwnership {
  const candidates = ownPools(pools, state);
  const byPool = new Map<string, IpamBlock[]>(candidates.map((pool) => [pool.name, []]));
  const orphaned: IpamBlock[] = [];
  const live: IpamBlock[] = [];
  let deleted = 0;
  for (const block of state.blocks) {
    if (block.deleted) {
      deleted++;
      continue;
    }
    live.push(block);
    const owner = candidates.find((pool) => cidrContains(pool.cidr, block.cidr));
    if (owner) byPool.get(owner.name)!.push(block);
    else orphaned.push(block);
  }
  return { byPool, orphaned, live, deleted };
}
