/**
 * `capacity --live` output. Every format shows, per cluster, the declared pool arithmetic and
 * beside it the live figures of issue 12 §3 (exactly those fields in JSON), the cluster's
 * leftovers, and the findings; a cluster that could not be read says why.
 *
 * JSON: {"clusters":[{"cluster","source","pools":[{<declared fields>,"inDefinition","live":{…}}],
 *        "families":[<as capacity without --live>],"live":{…}} | {"cluster","error"}],
 *        "findings":[Finding],"summary":{"errors","warnings"}}
 */
import type { FindingsReport } from '../core/findings';
import { clusterLiveJson, ipamPage, poolLiveJson, type ClusterLiveFigures, type LiveIpamAnalysis, type PoolLiveFigures } from '../ipam';
import type { ClusterCapacity } from '../validate/capacity';
import { formatFindings } from './findings';
import { capacityNotes, DECLARED_HEADERS, DECLARED_NUMERIC, declaredPoolJson, declaredRows, exactJson, familiesJson } from './capacity';
import { painter, type Paint } from './colour';
import { alignedTable, markdownTable } from './table';

/** One cluster's declared and live capacity, as `capacity --live` reports it. */
export interface LiveCapacity {
  cluster: string;
  /** where the live state was read: `context ams-main (https://…)`, `file live.yaml` */
  source: string;
  /** the definition's pools, then live pools the definition does not have (figured from their live geometry) */
  capacity: ClusterCapacity;
  /** names of the pools the definition does not have */
  liveOnlyPools: string[];
  analysis: LiveIpamAnalysis;
  warnings: string[];
}

export type LiveCapacityOutcome = LiveCapacity | { cluster: string; error: string; cause?: unknown };

export type LiveCapacityFormat = 'text' | 'json' | 'markdown' | 'html';

export function formatLiveCapacity(outcomes: readonly LiveCapacityOutcome[], findings: FindingsReport, format: LiveCapacityFormat, options: { colour?: boolean } = {}): string {
  switch (format) {
    case 'json':
      return exactJson({ clusters: outcomes.map(clusterJson), findings: findings.findings, summary: findings.summary });
    case 'html':
      return ipamPage(outcomes.map((outcome) => ('error' in outcome ? { cluster: outcome.cluster, error: outcome.error } : { cluster: outcome.cluster, figures: outcome.analysis.figures, maps: outcome.analysis.maps })));
    case 'markdown':
      return markdownReport(outcomes, findings);
    default:
      return textReport(outcomes, findings, painter(options.colour === true));
  }
}

function read(outcomes: readonly LiveCapacityOutcome[]): LiveCapacity[] {
  return outcomes.flatMap((outcome) => ('error' in outcome ? [] : [outcome]));
}

function clusterJson(outcome: LiveCapacityOutcome): object {
  if ('error' in outcome) return { cluster: outcome.cluster, error: outcome.error };
  const figures = new Map(outcome.analysis.figures.pools.map((pool) => [pool.pool, pool]));
  return {
    cluster: outcome.cluster,
    source: outcome.source,
    pools: outcome.capacity.pools.map((pool) => ({
      ...declaredPoolJson(pool, outcome.capacity),
      inDefinition: !outcome.liveOnlyPools.includes(pool.name),
      live: poolLiveJson(figures.get(pool.name)!),
    })),
    families: familiesJson(outcome.capacity),
    live: clusterLiveJson(outcome.analysis.figures.live),
  };
}

export const LIVE_HEADERS = ['cluster', 'pool', 'blocksClaimed', 'blocksFree', 'blocksOtherSize', 'addressesInUse', 'nodesWithBlocks', 'maxBlocksOnOneNode', 'nodesWithoutBlock', 'nodesThatCanStillJoin', 'blocksOfGoneNodes', 'borrowedAddresses'];
const LIVE_NUMERIC: ReadonlySet<string> = new Set(LIVE_HEADERS.slice(2).filter((header) => header !== 'maxBlocksOnOneNode'));

function liveRows(clusters: readonly LiveCapacity[]): string[][] {
  return clusters.flatMap((cluster) => cluster.analysis.figures.pools.map((pool: PoolLiveFigures) => [
    cluster.cluster,
    pool.pool,
    String(pool.blocksClaimed),
    String(pool.blocksFree),
    String(pool.blocksOtherSize),
    String(pool.addressesInUse),
    String(pool.nodesWithBlocks),
    pool.maxBlocksOnOneNode ? `${pool.maxBlocksOnOneNode.node} (${pool.maxBlocksOnOneNode.blocks})` : '-',
    String(pool.nodesWithoutBlock),
    String(pool.nodesThatCanStillJoin),
    String(pool.blocksOfGoneNodes),
    String(pool.borrowedAddresses),
  ]));
}

const count = (n: number, word: string, plural = `${word}s`) => `${n} ${n === 1 ? word : plural}`;

/** `ams-main: 200 nodes, 1 orphaned block, …, Calico 3.30.7; read from context ams-main (…)` */
function clusterLine(cluster: LiveCapacity): string {
  const live: ClusterLiveFigures = cluster.analysis.figures.live;
  const parts = [count(live.nodes, 'node'), count(live.orphanedBlocks, 'orphaned block'), count(live.deletedBlocks, 'deleted block'), count(live.pendingAffinities, 'pending affinity', 'pending affinities')];
  parts.push(live.calicoVersion ? `Calico ${live.calicoVersion}` : 'Calico version unknown');
  return `${cluster.cluster}: ${parts.join(', ')}; read from ${cluster.source}`;
}

function liveOnly(clusters: readonly LiveCapacity[]): (cluster: string, pool: string) => boolean {
  const pools = new Set(clusters.flatMap((cluster) => cluster.liveOnlyPools.map((pool) => `${cluster.cluster}/${pool}`)));
  return (cluster, pool) => pools.has(`${cluster}/${pool}`);
}

function notReadLines(outcomes: readonly LiveCapacityOutcome[]): string[] {
  return outcomes.flatMap((outcome) => ('error' in outcome ? [`${outcome.cluster}: not read: ${outcome.error}`] : []));
}

function textReport(outcomes: readonly LiveCapacityOutcome[], findings: FindingsReport, paint: Paint): string {
  const clusters = read(outcomes);
  const declared = clusters.map((cluster) => cluster.capacity);
  const sections = clusters.length === 0 ? [] : [
    alignedTable(DECLARED_HEADERS, declaredRows(declared, paint, liveOnly(clusters)), DECLARED_NUMERIC, paint),
    '',
    alignedTable(LIVE_HEADERS, liveRows(clusters), LIVE_NUMERIC, paint),
    '',
    ...clusters.map(clusterLine),
    ...capacityNotes(declared),
    '',
  ];
  return [...sections, ...notReadLines(outcomes), formatFindings(findings, 'text').trimEnd()].join('\n') + '\n';
}

function markdownReport(outcomes: readonly LiveCapacityOutcome[], findings: FindingsReport): string {
  const clusters = read(outcomes);
  const declared = clusters.map((cluster) => cluster.capacity);
  const lines = ['## IPAM capacity, live', ''];
  if (clusters.length > 0) {
    lines.push('Declared:', '', markdownTable(DECLARED_HEADERS, declaredRows(declared, painter(false), liveOnly(clusters)), DECLARED_NUMERIC), '');
    lines.push('Live:', '', markdownTable(LIVE_HEADERS, liveRows(clusters), LIVE_NUMERIC), '');
    lines.push(...clusters.map((cluster) => `- ${clusterLine(cluster)}`), ...capacityNotes(declared).map((note) => `- ${note}`), '');
  }
  lines.push(...notReadLines(outcomes).map((line) => `- **${line}**`));
  const { errors, warnings } = findings.summary;
  lines.push(`**${count(errors, 'error')}, ${count(warnings, 'warning')}**`);
  for (const finding of findings.findings) lines.push(`- ${finding.severity} \`${finding.rule}\` ${finding.cluster} ${finding.object} \`${finding.path}\`: ${finding.message}`);
  return lines.join('\n') + '\n';
}
