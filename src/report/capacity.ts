/**
 * `calico-gen capacity` output: a table for people, JSON for programs (exact integers, also IPv6's).
 * Pools are listed one per row; utilisation is judged per address family (validate/capacity.ts), on
 * the pool's row when it is its family's only enabled pool, else on a total row after them.
 */
import type { ClusterCapacity, FamilyCapacity } from '../validate/capacity';
import type { PoolCapacity } from '../core/capacity';
import { utilisationPerMille } from '../core/capacity';
import { painter, type Paint } from './colour';

export type CapacityFormat = 'text' | 'json';

export function formatCapacity(clusters: readonly ClusterCapacity[], format: CapacityFormat, options: { colour?: boolean } = {}): string {
  return format === 'json' ? capacityJson(clusters) : capacityTable(clusters, painter(options.colour === true));
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
      families: cluster.families.map((family) => ({
        family: family.family,
        pools: family.pools.map((pool) => pool.name),
        maxNodes: family.maxNodes,
        expectedNodes: cluster.expectedNodes ?? null,
        utilisation: family.perMille === undefined || !Number.isFinite(family.perMille) ? null : family.perMille / 10,
        status: family.perMille === undefined ? null : family.severity ?? 'ok',
      })),
    })),
  };
  const text = JSON.stringify(document, (_key, value: unknown) => (typeof value === 'bigint' ? `${BIG}${value}` : value), 2);
  return text.replace(new RegExp(`"${BIG}(\\d+)"`, 'g'), '$1') + '\n';
}

/** `70.3%`; `<0.1%` for a sliver; `-` when the expected node count is unknown. */
export function utilisationText(pool: Pick<PoolCapacity, 'maxNodes' | 'disabled'>, expectedNodes: number | undefined): string {
  if (pool.disabled) return 'disabled';
  if (expectedNodes === undefined) return '-';
  return perMilleText(utilisationPerMille(expectedNodes, pool.maxNodes), expectedNodes);
}

function perMilleText(perMille: number, expectedNodes: number): string {
  if (!Number.isFinite(perMille)) return 'no room';
  if (perMille === 0 && expectedNodes > 0) return '<0.1%';
  return `${(perMille / 10).toFixed(1)}%`;
}

/** A family's utilisation, marked (and coloured) over 80 % and over 100 %. */
function familyText(family: FamilyCapacity, expectedNodes: number | undefined, paint: Paint): string {
  if (expectedNodes === undefined || family.perMille === undefined) return '-';
  const text = perMilleText(family.perMille, expectedNodes);
  if (family.severity === 'error') return paint('red', `${text} over 100%`);
  if (family.severity === 'warning') return paint('yellow', `${text} over 80%`);
  return text;
}

const familyName = (family: 4 | 6) => `IPv${family}`;

const HEADERS = ['cluster', 'pool', 'cidr', 'blockSize', 'blocks', 'addressesPerBlock', 'blocksPerNode', 'maxNodes', 'expectedNodes', 'utilisation'];
const NUMERIC = new Set(['blockSize', 'blocks', 'addressesPerBlock', 'blocksPerNode', 'maxNodes', 'expectedNodes']);

function clusterRows(cluster: ClusterCapacity, paint: Paint): string[][] {
  const expected = cluster.expectedNodes === undefined ? '-' : String(cluster.expectedNodes);
  const rows: string[][] = [];
  for (const family of [4, 6] as const) {
    const pools = cluster.pools.filter((pool) => pool.family === family);
    const judged = cluster.families.find((f) => f.family === family);
    const alone = judged !== undefined && judged.pools.length === 1;
    for (const pool of pools) {
      const utilisation = pool.disabled ? 'disabled' : alone ? familyText(judged, cluster.expectedNodes, paint) : `see ${familyName(family)} total`;
      rows.push([cluster.cluster, pool.name, pool.cidr, String(pool.blockSize), String(pool.blocks), String(pool.addressesPerBlock), String(pool.blocksPerNode), String(pool.maxNodes), expected, utilisation]);
    }
    if (judged && !alone) {
      const blocks = judged.pools.reduce((sum, pool) => sum + pool.blocks, 0n);
      rows.push([cluster.cluster, `${familyName(family)} total`, `${judged.pools.length} enabled pools`, '', String(blocks), '', '', String(judged.maxNodes), expected, familyText(judged, cluster.expectedNodes, paint)]);
    }
  }
  return rows;
}

/** A cell's width on screen: colour codes take none. */
const visibleLength = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '').length;

function capacityTable(clusters: readonly ClusterCapacity[], paint: Paint): string {
  const rows = clusters.flatMap((cluster) => clusterRows(cluster, paint));
  const widths = HEADERS.map((header, column) => Math.max(header.length, ...rows.map((row) => visibleLength(row[column]!))));
  const pad = (cell: string, column: number) => {
    const fill = ' '.repeat(widths[column]! - visibleLength(cell));
    return NUMERIC.has(HEADERS[column]!) ? fill + cell : cell + fill;
  };
  const line = (cells: string[]) => cells.map(pad).join('  ').trimEnd();
  const assumption = (cluster: ClusterCapacity) =>
    `${cluster.maxPodsPerNode} pods per node, ${
      cluster.strictAffinity ? 'strict affinity (each node needs blocksPerNode blocks of its own)' : 'no strict affinity (nodes borrow addresses: maxNodes counts addresses only)'
    }`;
  const distinct = new Set(clusters.map(assumption));
  const notes =
    clusters.length > 1 && distinct.size === 1
      ? [`all clusters: ${[...distinct][0]}`]
      : clusters.map((cluster) => `${cluster.cluster || '(manifests)'}: ${assumption(cluster)}`);
  const body = rows.length > 0 ? [paint('bold', line(HEADERS)), ...rows.map(line)] : ['no IP pools'];
  const totals = clusters.some((cluster) => cluster.families.some((family) => family.pools.length > 1));
  const legend = totals ? ['utilisation is per address family: nodes draw from every enabled pool of their family'] : [];
  return [...body, '', ...notes, ...legend].join('\n') + '\n';
}

/** The families over 100 % of what their pools hold: what makes `capacity` exit 1. */
export function overCapacity(clusters: readonly ClusterCapacity[]): string[] {
  return clusters.flatMap((cluster) =>
    cluster.families
      .filter((family) => family.severity === 'error')
      .map((family) => `cluster ${cluster.cluster || '(manifests)'}: ${cluster.expectedNodes} expected nodes are ${perMilleText(family.perMille!, cluster.expectedNodes!)} of the ${family.maxNodes} the ${familyName(family.family)} pools (${family.pools.map((pool) => pool.name).join(', ')}) hold`),
  );
}
