/** A cluster's declared IPAM capacity, per pool (the arithmetic is in core/capacity.ts). */
import { poolCapacity, type PoolCapacity } from '../core/capacity';
import type { ClusterInput } from './rules/cluster/input';
import { defaultObject, poolsOf, specOf, type PoolView } from './rules/cluster/view';


export interface ClusterCapacity {
  cluster: string;
  strictAffinity: boolean;
  maxPodsPerNode: number;
  expectedNodes?: number;
  pools: PoolCapacity[];
}

export function strictAffinityOf(input: ClusterInput): boolean {
  const ipam = defaultObject(input, 'IPAMConfig');
  return ipam !== undefined && specOf(ipam).strictAffinity === true;
}

export function clusterCapacity(input: ClusterInput): ClusterCapacity {
  const strictAffinity = strictAffinityOf(input);
  const maxPods = input.capacity.maxPodsPerNode;
  return {
    cluster: input.name,
    strictAffinity,
    maxPodsPerNode: maxPods,
    ...(input.capacity.expectedNodes !== undefined ? { expectedNodes: input.capacity.expectedNodes } : {}),
    pools: poolsOf(input).map((pool: PoolView) => poolCapacity(pool, maxPods, strictAffinity)),
  };
}
