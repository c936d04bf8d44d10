/**
 * The pipeline, step by step: load → resolve → synthesise → validate → render. Writing is the
 * caller's choice (synth writes, --check compares, review and diff only read).
 *
 * The stages that need cdk8s, the schemas and the rules are required where they run: a run whose
 * clusters all come from the cache never loads them (a third of a warm run's time).
 */
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { cacheRoot, listClusterFiles, listSharedModules, loadCluster, loadClusters, selectNames, transpileCacheDir } from './load/clusters';
import { transpileAhead } from './load/transpile';
import type { ResolvedCluster } from './resolve/resolve';
import type { SynthesizedCluster } from './synth/synthesize';
import type { RenderedFiles } from './synth/render';
import type { ClusterRecord } from './synth/record';
import { mapAcrossThreads } from './synth/workers';
import { SynthesisCache } from './cache/synthesis-cache';
import { validateFleetFacts } from './validate/fleet';
import type { Finding } from './validate/finding';
import type { ClusterFiles } from './write/files';
import { UserError } from './util/errors';

const stages = () => ({
  ...(require('./resolve/resolve') as typeof import('./resolve/resolve')),
  ...(require('./synth/synthesize') as typeof import('./synth/synthesize')),
  ...(require('./synth/render') as typeof import('./synth/render')),
  ...(require('./synth/record') as typeof import('./synth/record')),
  ...(require('./validate') as typeof import('./validate')),
});

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
  const { resolveCluster } = stages();
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
  const { synthesizeCluster, validateSynthesized, renderCluster } = stages();
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
  /** store the record here as soon as it is made, and hand it back without its files */
  cacheDir?: string;
}

/**
 * The per-cluster stages for each request; what a worker thread runs. A record stored in the
 * cache comes back without its rendered files (read back only if they must be written), so that a
 * fleet's output never sits in memory, nor is copied between threads, all at once.
 */
export function recordClusters(requests: readonly RecordRequest[]): ClusterRecord[] {
  const { recordCluster } = stages();
  const caches = new Map<string, SynthesisCache>();
  return requests.map((request) => {
    const definitionFile = path.relative(process.cwd(), request.file);
    let record: ClusterRecord;
    try {
      record = recordCluster(loadCluster(request.name, request.file), definitionFile);
    } catch (error) {
      if (request.required || !(error instanceof UserError)) throw error;
      return { cluster: request.name, definitionFile, dependencies: [], findings: [] };
    }
    if (!request.cacheDir) return record;
    let cache = caches.get(request.cacheDir);
    if (!cache) caches.set(request.cacheDir, (cache = new SynthesisCache(request.cacheDir)));
    if (!cache.store(record)) return record;
    const { files: _stored, ...withoutFiles } = record;
    return withoutFiles;
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
  const cacheDir = options.cache === false ? undefined : fleetCacheDir(options.clustersDir);
  const cache = cacheDir === undefined ? undefined : new SynthesisCache(cacheDir);
  const records = new Map<string, ClusterRecord>();
  const misses: RecordRequest[] = [];
  for (const [name, file] of clusterFiles) {
    const hit = cache?.lookup(name);
    if (hit) records.set(name, hit);
    else misses.push({ name, file, required: selected.has(name), ...(cacheDir ? { cacheDir } : {}) });
  }
  if (misses.length > 0) await transpileAhead([...misses.map((miss) => miss.file), ...listSharedModules(options.clustersDir)], transpileCacheDir());
  const fresh = await recordInThreads(misses);
  for (const record of fresh) records.set(record.cluster, record);
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
  if (requests.length === 0) return [];
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
