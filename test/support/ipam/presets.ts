/** The generated clusters the tests and the bench share. */
import { generateIpamCluster, type GeneratedIpamCluster, type IpamClusterPlan } from './cluster';

/**
 * 200 nodes with pods, dual-stack, a GPU pool picked by node label, three nodes gone whose blocks
 * remain, a /28 block inside the /26 pool, an orphaned block, a deleted block, a pending affinity
 * and borrowed addresses.
 */
export const SCENARIO_PLAN: IpamClusterPlan = {
  seed: 20260412,
  nodes: 200,
  goneNodes: 3,
  pools: [
    { name: 'ipv4', cidr: '10.64.0.0/17', blockSize: 26, nodeSelector: "node-pool != 'gpu'" },
    { name: 'gpu-ipv4', cidr: '10.64.128.0/21', blockSize: 27, nodeSelector: "node-pool == 'gpu'" },
    { name: 'ipv6', cidr: '2001:db8:a00:c000::/64', blockSize: 122 },
  ],
  strictAffinity: false,
  podsPerNode: [4, 90],
  spareBlockChance: 0.2,
  gpuShare: 0.1,
  otherSizeBlocks: [{ pool: 'ipv4', prefix: 28 }],
  orphanedBlocks: ['10.99.0.0/26'],
  deletedBlocks: ['ipv4'],
  pendingAffinities: 1,
  borrowedAddresses: 7,
};

export function scenarioCluster(): GeneratedIpamCluster {
  return generateIpamCluster(SCENARIO_PLAN);
}

/**
 * Kubernetes' largest supported size, 5,000 nodes, dual-stack: about 17,500 blocks (a node keeps
 * a spare block in each family three times in four) and 1.1 million allocation slots, with few
 * pods, so that `kubectl get -o yaml` prints about the 67 MB of issue 12 §7.
 */
export const BENCH_PLAN: IpamClusterPlan = {
  seed: 5000,
  nodes: 5000,
  goneNodes: 12,
  pools: [
    { name: 'ipv4', cidr: '10.128.0.0/12', blockSize: 26 },
    { name: 'ipv6', cidr: '2001:db8:b00:c000::/64', blockSize: 122 },
  ],
  strictAffinity: true,
  podsPerNode: [0, 5],
  spareBlockChance: 0.75,
  gpuShare: 0,
  otherSizeBlocks: [{ pool: 'ipv4', prefix: 28 }],
  orphanedBlocks: ['10.99.0.0/26'],
  deletedBlocks: ['ipv4'],
  pendingAffinities: 3,
  borrowedAddresses: 0,
};

export function benchCluster(): GeneratedIpamCluster {
  return generateIpamCluster(BENCH_PLAN);
}
