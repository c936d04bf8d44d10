/**
 * `capacity --live --format html`: one self-contained page (inline CSS and SVG, no script, nothing
 * fetched) with a legend, the fleet's pools in a table sorted by headroom, and per cluster its live
 * figures and a block map per pool. Every number in the tables is the JSON figure as written there.
 */
import type { ClusterLiveFigures, IpamFigures, PoolLiveFigures } from './analyse';
import { escapeHtml, mapSvg, STATE_LABELS } from './html-map';
import type { PoolMap } from './pool-map';

export interface IpamPageCluster {
  cluster: string;
  figures?: IpamFigures;
  maps?: readonly PoolMap[];
  /** why the cluster could not be read; its section says so */
  error?: string;
}

const STYLE = `
body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1f2328;background:#fff}
h1{font-size:22px}h2{font-size:18px;margin-top:32px}h3{font-size:15px;margin:20px 0 6px}
table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #d0d7de;padding:3px 8px;text-align:right}td{white-space:nowrap}
th{background:#f6f8fa}td.name,th.name{text-align:left;white-space:nowrap}
.scroll{overflow-x:auto}
.note{color:#59636e;margin:4px 0}.error{color:#d1242f}
.legend{display:flex;flex-wrap:wrap;gap:16px;list-style:none;padding:0}
.legend li{display:flex;align-items:center;gap:6px}
.s-free{fill:#e6e8eb}.s-claimed{fill:#1f6feb}.s-gone{fill:#d1242f}.s-other{fill:#8250df}.s-unaffined{fill:#bf8700}
.s-gap{fill:#fff;stroke:#8c959f;stroke-width:1;stroke-dasharray:2 1}
`;

/** The figures the tables show, in the order of the JSON's `live` object. */
const POOL_COLUMNS: readonly { field: keyof PoolLiveFigures | 'busiestNode' | 'busiestBlocks'; title: string }[] = [
  { field: 'blocksClaimed', title: 'blocks claimed' },
  { field: 'blocksFree', title: 'blocks free' },
  { field: 'blocksOtherSize', title: 'other size' },
  { field: 'addressesInUse', title: 'addresses in use' },
  { field: 'nodesWithBlocks', title: 'nodes with blocks' },
  { field: 'busiestNode', title: 'busiest node' },
  { field: 'busiestBlocks', title: 'its blocks' },
  { field: 'nodesWithoutBlock', title: 'nodes without block' },
  { field: 'nodesThatCanStillJoin', title: 'nodes that can still join' },
  { field: 'blocksOfGoneNodes', title: 'blocks of gone nodes' },
  { field: 'borrowedAddresses', title: 'borrowed addresses' },
];

const CLUSTER_COLUMNS: readonly { field: keyof ClusterLiveFigures; title: string }[] = [
  { field: 'nodes', title: 'nodes' },
  { field: 'orphanedBlocks', title: 'orphaned blocks' },
  { field: 'deletedBlocks', title: 'deleted blocks' },
  { field: 'pendingAffinities', title: 'pending affinities' },
  { field: 'calicoVersion', title: 'Calico version' },
];

export function ipamPage(clusters: readonly IpamPageCluster[]): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>calico-gen capacity: live IPAM</title>',
    `<style>${STYLE}</style></head><body>`,
    '<h1>Live IPAM</h1>',
    legend(),
    fleetTable(clusters),
    ...clusters.map(clusterSection),
    '</body></html>',
    '',
  ].join('\n');
}

function legend(): string {
  const states = ['free', 'claimed', 'gone', 'other', 'unaffined', 'gap'] as const;
  const items = states.map((state) => `<li data-state="${state}"><svg width="14" height="14"><rect x="1" y="1" width="12" height="12" class="s-${state}"/></svg>${escapeHtml(STATE_LABELS[state])}</li>`);
  return `<section id="legend"><h2>Legend</h2><ul class="legend">${items.join('')}</ul><p class="note">A claimed cell is darker the more of its addresses are in use. Hover over a cell for its blocks, node and counts.</p></section>`;
}

function cellText(pool: PoolLiveFigures, field: (typeof POOL_COLUMNS)[number]['field']): string {
  if (field === 'busiestNode') return pool.maxBlocksOnOneNode?.node ?? '-';
  if (field === 'busiestBlocks') return pool.maxBlocksOnOneNode ? String(pool.maxBlocksOnOneNode.blocks) : '-';
  return String(pool[field]);
}

function poolCells(pool: PoolLiveFigures): string {
  return POOL_COLUMNS.map((column) => `<td data-field="${column.field}">${escapeHtml(cellText(pool, column.field))}</td>`).join('');
}

/** Least headroom first; disabled pools, which take no new nodes, last. */
function byHeadroom(a: { pool: PoolLiveFigures; cluster: string }, b: { pool: PoolLiveFigures; cluster: string }): number {
  if (a.pool.disabled !== b.pool.disabled) return a.pool.disabled ? 1 : -1;
  const room = a.pool.nodesThatCanStillJoin - b.pool.nodesThatCanStillJoin;
  if (room !== 0n) return room < 0n ? -1 : 1;
  return a.cluster < b.cluster ? -1 : a.cluster > b.cluster ? 1 : a.pool.pool < b.pool.pool ? -1 : a.pool.pool > b.pool.pool ? 1 : 0;
}

function fleetTable(clusters: readonly IpamPageCluster[]): string {
  const rows = clusters.flatMap((cluster) => (cluster.figures?.pools ?? []).map((pool) => ({ cluster: cluster.cluster, pool }))).sort(byHeadroom);
  const head = `<tr><th class="name">cluster</th><th class="name">pool</th><th class="name">cidr</th><th>block size</th><th>slots</th>${POOL_COLUMNS.map((c) => `<th>${c.title}</th>`).join('')}</tr>`;
  const body = rows.map(({ cluster, pool }) =>
    `<tr data-cluster="${escapeHtml(cluster)}" data-pool="${escapeHtml(pool.pool)}"><td class="name">${escapeHtml(cluster)}</td><td class="name">${escapeHtml(pool.pool)}${pool.disabled ? ' (disabled)' : ''}</td><td class="name">${escapeHtml(pool.cidr)}</td><td>${pool.blockSize}</td><td>${pool.slots}</td>${poolCells(pool)}</tr>`);
  return `<section id="fleet"><h2>Pools, least headroom first</h2><div class="scroll"><table class="fleet">${head}${body.join('')}</table></div></section>`;
}

function clusterSection(cluster: IpamPageCluster): string {
  const name = escapeHtml(cluster.cluster);
  if (cluster.error !== undefined || !cluster.figures) {
    return `<section class="cluster" data-cluster="${name}"><h2>Cluster ${name}</h2><p class="error">not read: ${escapeHtml(cluster.error ?? 'no live state')}</p></section>`;
  }
  const live = cluster.figures.live;
  const summary = `<table class="cluster-live"><tr>${CLUSTER_COLUMNS.map((c) => `<th>${c.title}</th>`).join('')}</tr><tr data-cluster="${name}">${CLUSTER_COLUMNS.map((c) => `<td data-field="${c.field}">${escapeHtml(String(live[c.field] ?? '-'))}</td>`).join('')}</tr></table>`;
  const pools = cluster.figures.pools.map((pool) => poolSection(cluster.cluster, pool, cluster.maps?.find((map) => map.pool === pool.pool)));
  return `<section class="cluster" data-cluster="${name}"><h2>Cluster ${name}</h2>${summary}${pools.join('')}</section>`;
}

function poolSection(cluster: string, pool: PoolLiveFigures, map: PoolMap | undefined): string {
  const drawn = map ? mapSvg(map) : undefined;
  const taken = pool.slots - pool.blocksFree;
  return [
    `<section class="pool" data-cluster="${escapeHtml(cluster)}" data-pool="${escapeHtml(pool.pool)}">`,
    `<h3>Pool ${escapeHtml(pool.pool)}: ${escapeHtml(pool.cidr)}, /${pool.blockSize} blocks${pool.disabled ? ' (disabled)' : ''}</h3>`,
    `<p class="note">${taken} of ${pool.slots} slots taken; ${pool.nodesThatCanStillJoin} more nodes can get a block of their own.</p>`,
    drawn ? `${drawn.svg}<p class="note">${escapeHtml(drawn.note)}</p>` : '<p class="note">no block map</p>',
    '</section>',
  ].join('');
}
