/** `calico-gen capacity` output: a table for people, JSON for programs (exact integers, also IPv6's). */
import type { ClusterCapacity } from '../validate/capacity';
import type { PoolCapacity } from '../core/capacity';
import { utilisationPerMille } from '../core/capacity';

export type CapacityFormat = 'text' | 'json';

export function formatCapacity(clusters: readonly ClusterCapacity[], format: CapacityFormat): string {
  return format === 'json' ? capacityJson(clusters) : capacityTable(clusters);
}

const BIG = '__calico_gen_bigint__';

/**
 * Counts are written as exact JSON numbers, even above 2^53 (an IPv6 /64 holds 2^58 blocks of
 * /122): JSON allows them, and a reader that needs them exact can parse them as big integers.
 */
function capacityJson(clusters: readonly ClusterCapacity[]): string {
  const document = {
    clusters: clusters.map((cluster) => ({
      cluster: cluster.cluster,
      pools: cluster.pools.map((pool) => ({
        name: pool.name,
        cidr: pool.cidr,
        blockSize: pool.blockSize,
        blocks: pool.blocks,
        addressesPerBlock: pool.addressesPerBlock,
        blocksPerNode: pool.blocksPerNode,
        maxNodes: pool.maxNodes,
        expectedNodes: cluster.expectedNodes ?? null,
      })),
    })),
  };
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

const HEADERS = ['cluster', 'pool', 'cidr', 'blockSize', 'blocks', 'addressesPerBlock', 'blocksPerNode', 'maxNodes', 'expectedNodes', 'utilisation'];
const NUMERIC = new Set(['blockSize', 'blocks', 'addressesPerBlock', 'blocksPerNode', 'maxNodes', 'expectedNodes', 'utilisation']);

function capacityTable(clusters: readonly ClusterCapacity[]): string {
  const rows = clusters.flatMap((cluster) =>
    cluster.pools.map((pool) => [
      cluster.cluster,
      pool.name,
      pool.cidr,
      String(pool.blockSize),
      String(pool.blocks),
      String(pool.addressesPerBlock),
      String(pool.blocksPerNode),
      String(pool.maxNodes),
      cluster.expectedNodes === undefined ? '-' : String(cluster.expectedNodes),
      utilisationText(pool, cluster.expectedNodes),
    ]),
  );
  const widths = HEADERS.map((header, column) => Math.max(header.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (NUMERIC.has(HEADERS[column]!) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  const assumption = (cluster: ClusterCapacity) =>
    `${cluster.maxPodsPerNode} pods per node, ${
      cluster.strictAffinity ? 'strict affinity (each node needs blocksPerNode blocks of its own)' : 'no strict affinity (nodes borrow addresses: maxNodes counts addresses only)'
    }`;
  const distinct = new Set(clusters.map(assumption));
  const notes =
    clusters.length > 1 && distinct.size === 1
      ? [`all clusters: ${[...distinct][0]}`]
      : clusters.map((cluster) => `${cluster.cluster || '(manifests)'}: ${assumption(cluster)}`);
  const body = rows.length > 0 ? [line(HEADERS), ...rows.map(line)] : ['no IP pools'];
  return [...body, '', ...notes].join('\n') + '\n';
}
