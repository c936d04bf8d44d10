/**
 * The clusters of a synthetic fleet: where each one sits and what it owns. Everything a fleet
 * must keep distinct is carved sequentially from one range, so any fleet size stays valid.
 */
import { SITES, type Site } from './routers';

export const GROUPS = ['main', 'ml', 'edge'] as const;
export type Group = (typeof GROUPS)[number];

export interface ClusterPlan {
  name: string;
  site: Site;
  group: Group;
  /** the cluster's own IPv4 /21, the i-th of 10.0.0.0/8 */
  ipv4Cidr: string;
  /** the cluster's own IPv6 /64, the (i+1)-th of 2001:db8::/32 */
  ipv6Cidr: string;
  asNumber: number;
  /** main clusters announce their service ranges, as the example fleet's do */
  serviceClusterIPs?: [string, string];
  expectedNodes: number;
  /** every 25th cluster is a canary on the next Calico release */
  calicoVersion?: string;
}

/** The peer AS every router uses (fleet defaults); no cluster may take it. */
export const ROUTER_AS_NUMBER = 65000;
const PRIVATE_AS_16 = { first: 64512, last: 65534 };
const PRIVATE_AS_32_FIRST = 4_200_000_000;

/** Six in ten clusters serve production traffic, two run GPUs, two are small edge clusters. */
function groupOf(index: number): Group {
  const slot = index % 10;
  return slot < 6 ? 'main' : slot < 8 ? 'ml' : 'edge';
}

export function clusterPlan(index: number): ClusterPlan {
  if (index < 0 || index >= 8192) throw new Error(`cluster index ${index}: 10.0.0.0/8 holds 8192 /21s`);
  const site = SITES[index % SITES.length]!;
  const group = groupOf(index);
  const name = `${site}-${group}-${String(index + 1).padStart(4, '0')}`;
  const plan: ClusterPlan = {
    name,
    site,
    group,
    ipv4Cidr: `${ipv4(10 << 24, index * 2048)}/21`,
    ipv6Cidr: `2001:db8:0:${(index + 1).toString(16)}::/64`,
    asNumber: privateAsNumber(index),
    expectedNodes: group === 'main' ? 8 + (index % 5) : group === 'ml' ? 16 + (index % 9) : 3,
  };
  if (group === 'main') {
    // 10.128.0.0/9 in /22s, and one /108 per cluster in 2001:db8:1::/48
    plan.serviceClusterIPs = [`${ipv4((10 << 24) + (128 << 16), index * 1024)}/22`, `2001:db8:1:${(index + 1).toString(16)}::/108`];
  }
  if (index % 25 === 24) plan.calicoVersion = '3.31.3';
  return plan;
}

/** 64512–65534 without the routers' AS, then the 32-bit private range. */
export function privateAsNumber(index: number): number {
  const candidate = PRIVATE_AS_16.first + index;
  const skipped = candidate >= ROUTER_AS_NUMBER ? candidate + 1 : candidate;
  if (skipped <= PRIVATE_AS_16.last) return skipped;
  return PRIVATE_AS_32_FIRST + (skipped - PRIVATE_AS_16.last - 1);
}

function ipv4(base: number, offset: number): string {
  const value = (base + offset) >>> 0;
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join('.');
}

/**
 * `clusters/<name>.ts`. A `revision` above 0 adds a setting (calico-node's CPU request) that differs
 * for every revision, as a person editing the file would, so no cache can hold the result already.
 */
export function clusterModule(plan: ClusterPlan, revision = 0): string {
  const layer = plan.group === 'ml' ? 'mlGroup' : plan.group === 'edge' ? 'edgeGroup' : 'mainGroup';
  const v4Pool = plan.group === 'ml' ? `{ cidr: '${plan.ipv4Cidr}', blockSize: 27 }` : `{ cidr: '${plan.ipv4Cidr}' }`;
  const services = plan.serviceClusterIPs ? `, serviceClusterIPs: [${plan.serviceClusterIPs.map((c) => `'${c}'`).join(', ')}]` : '';
  const lines = [
    `import { defineCluster } from 'calico-gen';`,
    `import { fleetDefaults } from './shared/fleet';`,
    `import { ${layer} } from './shared/groups/${plan.group}';`,
    ``,
    `export default defineCluster(fleetDefaults, ${layer}, {`,
    `  name: '${plan.name}',`,
    `  site: '${plan.site}',`,
    `  kubeContext: '${plan.name}',`,
    ...(plan.calicoVersion ? [`  calicoVersion: '${plan.calicoVersion}',`] : []),
    `  ipPools: {`,
    `    ipv4: ${v4Pool},`,
    `    ipv6: { cidr: '${plan.ipv6Cidr}' },`,
    `  },`,
    `  bgp: { asNumber: ${plan.asNumber}${services} },`,
    ...(revision > 0 ? [`  calicoNode: { resources: { requests: { cpu: '${500 + revision}m' } } },`] : []),
    `  capacity: { expectedNodes: ${plan.expectedNodes} },`,
    `});`,
    ``,
  ];
  return lines.join('\n');
}
