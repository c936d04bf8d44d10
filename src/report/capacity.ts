/** `calico-gen capacity` output: a table for people, JSON for programs (exact integers, also IPv6's), Markdown for a merge request. */
import type { ClusterCapacity } from '../validate/capacity';
import type { PoolCapacity } from '../core/capacity';
import { utilisationPerMille } from '../core/capacity';
import { alignedTable, markdownTable } from './table';

export type CapacityFormat = 'text' | 'json' | 'markdown';

export function formatCapacity(clusters: readonly ClusterCapacity[], format: CapacityFormat): string {
  if (format === 'json') return exactJson({ clusters: clusters.map((cluster) => ({ cluster: cluster.cluster, pools: cluster.pools.map((pool) => declaredPoolJson(pool, cluster)) })) });
  const rows = declaredRows(clusters);
  if (format === 'markdown') return [rows.length > 0 ? markdownTable(DECLARED_HEADERS, rows, DECLARED_NUMERIC) : 'No IP pools.', '', ...assumptionNotes(clusters).map((note) => `- ${note}`)].join('\n') + '\n';
  return [rows.length > 0 ? alignedTable(DECLARED_HEADERS, rows, DECLARED_NUMERIC) : 'no IP pools', '', ...assumptionNotes(clusters)].join('\n') + '\n';
}

/** A pool's declared figures in JSON: the shape `capacity --format json` has always had. */
export function declaredPoolJson(pool: PoolCapacity, cluster: ClusterCapacity): Record<string, unknown> {
  return {
    name: pool.name,
    cidr: pool.cidr,
    blockSize: pool.blockSize,
    blocks: pool.blocks,
    addressesPerBlock: pool.addressesPerBlock,
    blocksPerNode: pool.blocksPerNode,
    maxNodes: pool.maxNodes,
    expectedNodes: cluster.expectedNodes ?? null,
  };
}

const BIG = '__calico_gen_bigint__';

/**
 * Counts are written as exact JSON numbers, even above 2^53 (an IPv6 /64 holds 2^58 blocks of
 * /122): JSON allows them, and a reader that needs them exact can parse them as big integers.
 */
export function exactJson(document: unknown): string {
  const text = JSON.stringify(document, (_key, value: unknown) => (typeof value === 'bigint' ? `${BIG}${value}` : value), 2);
  return text.replace(new RegExp(`"${BIG}(\\d+)"`, 'g'), '$1') + '\n';
}

/** `70.3%`; `<0.1%` for a sliver; `-` when the expected node count is unknown. */
export function utilisationText(pool: PoolCapacity, expectedNodes: number | undefined): string {
  if (pool.disabled) return 'disabled';
  if (expectedNodes === undefined) return '-';
  const perMille = utilisationPerMille(expectedNodes, pool.maxNodes);
  if (!Number.isFinite(perMille)) return 'no room';
  if (perMille === 0 && expectedNodes > 0) return '<0.1%';
  return `${(perMille / 10).toFixed(1)}%`;
}

export const DECLARED_HEADERS = ['cluster', 'pool', 'cidr', 'blockSize', 'blocks', 'addressesPerBlock', 'blocksPerNode', 'maxNodes', 'expectedNodes', 'utilisation'];
export const DECLARED_NUMERIC: ReadonlySet<string> = new Set(['blockSize', 'blocks', 'addressesPerBlock', 'blocksPerNode', 'maxNodes', 'expectedNodes', 'utilisation']);

/** One row per pool; a live-only pool (`liveOnly`) is marked, and has no utilisation: the definition does not plan for it. */
export function declaredRows(clusters: readonly ClusterCapacity[], liveOnly: (cluster: string, pool: string) => boolean = () => false): string[][] {
  return clusters.flatMap((cluster) =>
    cluster.pools.map((pool) => [
      cluster.cluster,
      `${pool.name}${liveOnly(cluster.cluster, pool.name) ? ' (live only)' : ''}`,
      pool.cidr,
      String(pool.blockSize),
      String(pool.blocks),
      String(pool.addressesPerBlock),
      String(pool.blocksPerNode),
      String(pool.maxNodes),
      cluster.expectedNodes === undefined ? '-' : String(cluster.expectedNodes),
      liveOnly(cluster.cluster, pool.name) ? '-' : utilisationText(pool, cluster.expectedNodes),
    ]),
  );
}

/** What the arithmetic assumed, once for the fleet when every cluster assumed the same. */
export function assumptionNotes(clusters: readonly ClusterCapacity[]): string[] {
  const assumption = (cluster: ClusterCapacity) =>
    `${cluster.maxPodsPerNode} pods per node, ${
      cluster.strictAffinity ? 'strict affinity (each node needs blocksPerNode blocks of its own)' : 'no strict affinity (nodes borrow addresses: maxNodes counts addresses only)'
    }`;
  const distinct = new Set(clusters.map(assumption));
  return clusters.length > 1 && distinct.size === 1 ? [`all clusters: ${[...distinct][0]}`] : clusters.map((cluster) => `${cluster.cluster || '(manifests)'}: ${assumption(cluster)}`);
}
