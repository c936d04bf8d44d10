/**
 * The pipeline, step by step: load → resolve → synthesise → validate → render. Writing is the
 * caller's choice (synth writes, --check compares, review and diff only read).
 */
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { cacheRoot, listClusterFiles, loadCluster, loadClusters, selectNames } from './load/clusters';
import { resolveCluster, type ResolvedCluster } from './resolve/resolve';
import { synthesizeCluster, type SynthesizedCluster } from './synth/synthesize';
import { renderCluster, type RenderedFiles } from './synth/render';
import { recordCluster, type ClusterRecord } from './synth/record';
import { mapAcrossThreads } from './synth/workers';
import { SynthesisCache } from './cache/synthesis-cache';
import { validateFleetFacts, validateSynthesized } from './validate';
import type { Finding } from './validate/finding';
import type { ClusterFiles } from './write/files';
import { UserError } from './util/errors';

export interface FleetOptions {
  clustersDir: string;
  /** cluster names; every cluster when empty */
  only?: readonly string[];
}

export interface FleetSynthesis {
  clusters: SynthesizedCluster[];
  files: ClusterFiles[];
  findings: Finding[];
}

export function resolveFleet(options: FleetOptions): { resolved: ResolvedCluster[]; findings: Finding[] } {
  const resolved: ResolvedCluster[] = [];
  const findings: Finding[] = [];
  for (const loaded of loadClusters(options)) {
    const result = resolveCluster(loaded);
    if (result.ok) resolved.push(result.cluster);
    else findings.push(...result.findings);
  }
  return { resolved, findings };
}

/** Every stage in memory, objects included: for review and diff, which compare them. */
export function synthesizeFleet(options: FleetOptions): FleetSynthesis {
  const { resolved, findings } = resolveFleet(options);
  const clusters = resolved.map(synthesizeCluster);
  findings.push(...validateSynthesized(clusters));
  const files = clusters.map((synthesized) => ({ cluster: synthesized.cluster.name, files: renderCluster(synthesized) }));
  return { clusters, files, findings };
}

export interface RecordRequest {
  name: string;
  file: string;
  /** a selected cluster's load error aborts the run; another's only costs its fleet facts */
  required: boolean;
}

/** The per-cluster stages for each request; what a worker thread runs. */
export function recordClusters(requests: readonly RecordRequest[]): ClusterRecord[] {
  return requests.map((request) => {
    const definitionFile = path.relative(process.cwd(), request.file);
    try {
      return recordCluster(loadCluster(request.name, request.file), definitionFile);
    } catch (error) {
      if (request.required || !(error instanceof UserError)) throw error;
      return { cluster: request.name, definitionFile, dependencies: [], findings: [] };
    }
  });
}

export interface FleetRecords {
  /** the selected clusters, by name */
  records: ClusterRecord[];
  /** the selected clusters' findings, fleet rules included (checked against every cluster) */
  findings: Finding[];
  /** the rendered files of a record, fresh or read back from the cache */
  files(record: ClusterRecord): RenderedFiles;
  /** clusters whose result came from the cache */
  cached: number;
}

export interface RecordOptions extends FleetOptions {
  /** reuse results of clusters whose inputs did not change (default true) */
  cache?: boolean;
}

/**
 * The fast path of `synth` and `validate`: every cluster reduced to files, findings and fleet
 * facts, unchanged clusters from the cache, the rest spread over the cores. Fleet rules always see
 * every cluster, also when only some are selected.
 */
export async function recordFleet(options: RecordOptions): Promise<FleetRecords> {
  const clusterFiles = listClusterFiles(options.clustersDir);
  const selected = new Set(selectNames(clusterFiles, options.only ?? []));
  const cache = options.cache === false ? undefined : new SynthesisCache(fleetCacheDir(options.clustersDir));
  const records = new Map<string, ClusterRecord>();
  const misses: RecordRequest[] = [];
  for (const [name, file] of clusterFiles) {
    const hit = cache?.lookup(name);
    if (hit) records.set(name, hit);
    else misses.push({ name, file, required: selected.has(name) });
  }
  const fresh = await recordInThreads(misses);
  for (const record of fresh) {
    records.set(record.cluster, record);
    if (record.dependencies.length > 0) cache?.store(record);
  }
  const chosen = [...selected].sort().map((name) => records.get(name)!);
  const facts = [...records.values()].flatMap((record) => (record.facts ? [record.facts] : []));
  return {
    records: chosen,
    findings: [...chosen.flatMap((record) => record.findings), ...validateFleetFacts(facts, selected)],
    files: (record) => record.files ?? cache?.files(record.cluster) ?? missingFiles(record),
    cached: clusterFiles.size - misses.length,
  };
}

async function recordInThreads(requests: readonly RecordRequest[]): Promise<ClusterRecord[]> {
  try {
    return await mapAcrossThreads(path.join(__dirname, 'synth', 'worker.js'), requests, recordClusters);
  } catch (error) {
    // a worker's UserError arrives as a plain Error carrying the name
    if (error instanceof Error && error.name === 'UserError' && !(error instanceof UserError)) throw new UserError(error.message);
    throw error;
  }
}

function fleetCacheDir(clustersDir: string): string {
  const fleet = createHash('sha256').update(path.resolve(clustersDir)).digest('hex').slice(0, 16);
  return path.join(cacheRoot(), 'synth', fleet);
}

function missingFiles(record: ClusterRecord): never {
  throw new Error(`the cached files of cluster ${record.cluster} are gone; run again with --no-cache`);
}
