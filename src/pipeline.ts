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
import { shareWork } from './synth/workers';
import { isWritten, matchesHashes } from './write/files';
import { SynthesisCache } from './cache/synthesis-cache';
import { validateFleetFacts } from './validate/fleet';
import type { Finding } from './core/findings';
import { UserError } from './util/errors';

const stages = () => ({
  ...(require('./resolve/resolve') as typeof import('./resolve/resolve')),
  ...(require('./synth/synthesize') as typeof import('./synth/synthesize')),
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

/** The stages up to validation, objects kept in memory: for review and diff, which compare them. */
export function synthesizeFleet(options: FleetOptions): FleetSynthesis {
  const { synthesizeCluster, validateSynthesized } = stages();
  const { resolved, findings } = resolveFleet(options);
  const clusters = resolved.map(synthesizeCluster);
  findings.push(...validateSynthesized(clusters));
  return { clusters, findings };
}

export interface RecordRequest {
  name: string;
  file: string;
  /** a selected cluster's load error aborts the run; another's only costs its fleet facts */
  required: boolean;
  /** the fleet's synthesis cache, where files to be written wait */
  cacheDir?: string;
  /** where the files will be written; without it nothing will be, and no files are kept */
  outDir?: string;
}

/**
 * The per-cluster stages, one request at a time; what a helper thread runs. A record keeps its
 * rendered files only when they must be written and cannot wait in the cache: files already in the
 * output folder, or waiting in the cache, are read back only if they must be written, so that a
 * fleet's output never sits in memory, nor is copied between threads, all at once. Loads the
 * stages at once: a helper does so while the calling thread still prepares the inputs.
 */
export function clusterRecorder(): (request: RecordRequest) => ClusterRecord {
  const { recordCluster } = stages();
  const caches = new Map<string, SynthesisCache>();
  const cacheFor = (dir: string) => caches.get(dir) ?? caches.set(dir, new SynthesisCache(dir)).get(dir)!;
  return (request) => {
    const definitionFile = path.relative(process.cwd(), request.file);
    let record: ClusterRecord;
    try {
      record = recordCluster(loadCluster(request.name, request.file), definitionFile);
    } catch (error) {
      if (request.required || !(error instanceof UserError)) throw error;
      return { cluster: request.name, definitionFile, dependencies: [], findings: [] };
    }
    const { files, ...withoutFiles } = record;
    if (!files) return record;
    if (request.outDir === undefined) return withoutFiles;
    if (isWritten(request.outDir, request.name, files)) return { ...withoutFiles, alreadyWritten: true };
    if (request.cacheDir && cacheFor(request.cacheDir).storeFiles(record)) return withoutFiles;
    return record;
  };
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
  /** where the caller will write the files (synth's output folder) */
  outDir?: string;
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
  const request = (name: string, required: boolean): RecordRequest => ({
    name,
    file: clusterFiles.get(name)!,
    required,
    ...(cacheDir ? { cacheDir } : {}),
    ...(options.outDir ? { outDir: options.outDir } : {}),
  });
  for (const name of clusterFiles.keys()) {
    const hit = cache?.lookup(name);
    const usable = hit && options.outDir !== undefined ? writable(hit, options.outDir, cache!) : hit;
    if (usable) records.set(name, usable);
    else misses.push(request(name, selected.has(name)));
  }
  for (const record of await recordMisses(misses, options.clustersDir)) {
    records.set(record.cluster, record);
    cache?.storeRecord(record);
  }
  cache?.flush();
  const chosen = [...selected].sort().map((name) => records.get(name)!);
  const facts = [...records.values()].flatMap((record) => (record.facts ? [record.facts] : []));
  return {
    records: chosen,
    findings: [...chosen.flatMap((record) => record.findings), ...validateFleetFacts(facts, selected)],
    files: (record) => record.files ?? cache?.files(record) ?? filesAgain(record.cluster, clusterFiles.get(record.cluster)!),
    cached: clusterFiles.size - misses.length,
  };
}

/**
 * The clusters the cache could not serve, over every core: helpers start loading at once, while
 * this thread sends the definitions to esbuild and loads the same stages, then records each
 * cluster as soon as its definition is transpiled; the helpers join, with the code, when all are.
 */
async function recordMisses(misses: readonly RecordRequest[], clustersDir: string): Promise<ClusterRecord[]> {
  if (misses.length === 0) return [];
  const work = shareWork<RecordRequest, ClusterRecord>(path.join(__dirname, 'synth', 'worker.js'), misses);
  try {
    const shared = listSharedModules(clustersDir);
    const transpiled = transpileAhead([...shared, ...misses.map((miss) => miss.file)], transpileCacheDir());
    const record = clusterRecorder();
    // every definition imports some of them: they go first
    await Promise.all(shared.map((file) => transpiled.ready.get(file)));
    void transpiled.all.then(work.open);
    return await work.run(record, (miss) => transpiled.ready.get(miss.file));
  } catch (error) {
    // a helper's UserError arrives as a plain Error carrying the name
    if (error instanceof Error && error.name === 'UserError' && !(error instanceof UserError)) throw new UserError(error.message);
    throw error;
  } finally {
    work.stop();
  }
}

/**
 * A cached record serves a run that writes when its files are in the output folder already, or
 * stored with it; otherwise (the folder was changed by hand, or by another branch's checkout) the
 * cluster is synthesised again with the other misses, rather than alone when its files are written.
 */
function writable(record: ClusterRecord, outDir: string, cache: SynthesisCache): ClusterRecord | undefined {
  if (matchesHashes(outDir, record.cluster, record.fileHashes ?? {})) return { ...record, alreadyWritten: true };
  const files = cache.files(record);
  return files ? { ...record, files } : undefined;
}

/** Files neither kept nor cached were in the output folder when recorded, and it changed since. */
function filesAgain(name: string, file: string): RenderedFiles {
  const { recordCluster } = stages();
  const { files } = recordCluster(loadCluster(name, file), path.relative(process.cwd(), file));
  if (!files) throw new Error(`cluster ${name} no longer synthesises; run again`);
  return files;
}

function fleetCacheDir(clustersDir: string): string {
  const fleet = createHash('sha256').update(path.resolve(clustersDir)).digest('hex').slice(0, 16);
  return path.join(cacheRoot(), 'synth', fleet);
}
