/**
 * A cluster's declared IPAM capacity, per pool and per address family (the arithmetic is in
 * core/capacity.ts). A node takes addresses from every enabled pool of a family (Calico picks among
 * the pools whose nodeSelector selects it), so what limits the node count is a family's enabled
 * pools together: the one figure both `calico-gen capacity` and the pool-capacity rule judge.
 * Pools' nodeSelectors are not evaluated (nodes' labels are unknown): every enabled pool counts.
 */
import { capacitySeverity, maxNodesFor, poolCapacity, utilisationPerMille, type PoolCapacity } from '../core/capacity';
import type { ClusterInput } from './rules/cluster/input';
import { defaultObject, poolsOf, specOf, type PoolView } from './rules/cluster/view';

export interface FamilyCapacity {
  family: 4 | 6;
  /** the family's enabled pools, whose blocks the nodes draw from */
  pools: PoolCapacity[];
  /** nodes the pools hold together */
  maxNodes: bigint;
  /** expected nodes per thousand of maxNodes (Infinity when the pools hold none); absent when expectedNodes is unknown */
  perMille?: number;
  /** above 100 % an error, above 80 % a warning (pool-capacity's severity) */
  severity?: 'warning' | 'error';
}

export interface ClusterCapacity {
  cluster: string;
  strictAffinity: boolean;
  maxPodsPerNode: number;
  expectedNodes?: number;
  pools: PoolCapacity[];
  /** the families with an enabled pool, IPv4 first */
  families: FamilyCapacity[];
}

export function strictAffinityOf(input: ClusterInput): boolean {
  const ipam = defaultObject(input, 'IPAMConfig');
  return ipam !== undefined && specOf(ipam).strictAffinity === true;
}

export function clusterCapacity(input: ClusterInput): ClusterCapacity {
  const strictAffinity = strictAffinityOf(input);
  const maxPods = input.capacity.maxPodsPerNode;
  const expected = input.capacity.expectedNodes;
  const pools = poolsOf(input).map((pool: PoolView) => poolCapacity(pool, maxPods, strictAffinity));
  const families: FamilyCapacity[] = [];
  for (const family of [4, 6] as const) {
    const enabled = pools.filter((pool) => !pool.disabled && pool.family === family);
    if (enabled.length === 0) continue;
    const maxNodes = maxNodesFor(enabled, maxPods, strictAffinity);
    const perMille = expected === undefined ? undefined : utilisationPerMille(expected, maxNodes);
    const severity = perMille === undefined ? undefined : capacitySeverity(perMille);
    families.push({ family, pools: enabled, maxNodes, ...(perMille !== undefined ? { perMille } : {}), ...(severity ? { severity } : {}) });
  }
  return {
    cluster: input.name,
    strictAffinity,
    maxPodsPerNode: maxPods,
    ...(expected !== undefined ? { expectedNodes: expected } : {}),
    pools,
    families,
  };
}
