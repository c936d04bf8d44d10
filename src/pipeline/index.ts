/**
 * The one pipeline every command runs: the steps of ./steps.ts for each cluster, then the fleet
 * rules across every cluster. Options say which clusters, how far, and what to keep; unchanged
 * clusters come from the cache, the others are spread over the cores. Writing is the caller's
 * choice (synth writes, --check compares, the others only read).
 *
 * The steps' modules (cdk8s, the schemas, the rules) are required where they run: a run whose
 * clusters all come from the cache never loads them.
 */
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { SynthesisCache } from '../cache/synthesis-cache';
import type { Finding } from '../core/findings';
import { cacheRoot, listClusterFiles, nestedDefinitions, selectNames, type LoadedCluster } from '../load/clusters';
import { locateDefinitionRef } from '../load/definition-locations';
import { matchesHashes } from '../output/files';
import type { RenderedFiles } from '../render/files';
import type { SynthesizedCluster } from '../synth/synthesize';
import { validateFleetFacts } from '../validate/fleet';
import { applyAcknowledgements, todayUtc } from '../validate/acknowledgements';
import { clusterRunner, type ClusterRequest } from './requests';
import { runHere, runSpread } from './spread';
import type { ClusterResult, Step } from './steps';

export type { ClusterResult, KeptCluster, Step } from './steps';

/** Where the definitions come from: the clusters folder, or already loaded (import checks what it will write). */
export type DefinitionsFrom = { clustersDir: string } | { definitions: readonly LoadedCluster[] };

export type PipelineOptions = DefinitionsFrom & {
  /** the clusters to report on, by name; every cluster when empty. The fleet rules still see every cluster. */
  clusters?: readonly string[];
  /** stop after this step: no validation, so no fleet rules and no cache (default: every step) */
  until?: Extract<Step, 'resolve' | 'values' | 'synth'>;
  /** reuse the results of clusters whose inputs did not change (default true) */
  cache?: boolean;
  /** where the caller will write the rendered files (synth's output folder) */
  outDir?: string;
  /** keep each selected cluster's definition, values and objects (diff, review, capacity, the cdk8s app) */
  keepObjects?: boolean;
  /** threads in all, this one included (default CALICO_GEN_THREADS, else one per core from 300 clusters) */
  threads?: number;
  /** the day acknowledgements are judged on, `YYYY-MM-DD` (default: today, UTC) */
  today?: string;
  /** hears of each cluster that had to run (the others come from the cache), for a progress line */
  onProgress?: (done: number, total: number) => void;
};

export interface PipelineRun {
  /** the selected clusters, by name */
  clusters: ClusterResult[];
  /** the selected clusters' findings, fleet rules included (checked against every cluster) */
  findings: Finding[];
  /** the rendered files of a result, fresh or read back from the cache */
  files(result: ClusterResult): RenderedFiles;
  /** selected clusters whose result came from the cache */
  cached: number;
}

export async function runPipeline(options: PipelineOptions): Promise<PipelineRun> {
  const sources = definitionSources(options);
  const selected = new Set(selectNames(sources, options.clusters ?? []));
  const clustersDir = 'clustersDir' in options ? options.clustersDir : undefined;
  const cacheDir = options.until === undefined && options.cache !== false && clustersDir !== undefined ? fleetCacheDir(clustersDir) : undefined;
  const cache = cacheDir === undefined ? undefined : new SynthesisCache(cacheDir);
  const plan = { until: options.until ?? (cache || options.outDir !== undefined ? 'render' : 'validate') } as const;
  // the fleet rules see every cluster; a run that stops early needs only the selected ones
  const names = options.until === undefined ? [...sources.keys()] : [...selected];
  const results = new Map<string, ClusterResult>();
  const here: ClusterRequest[] = [];
  let cached = 0;
  const spread: ClusterRequest[] = [];
  for (const name of names) {
    const keep = options.keepObjects === true && selected.has(name);
    const hit = keep ? undefined : cache?.lookup(name);
    const usable = hit && options.outDir !== undefined ? writable(hit, options.outDir, cache!) : hit;
    if (usable) {
      results.set(name, usable);
      if (selected.has(name)) cached++;
    }
    else (keep || clustersDir === undefined ? here : spread).push({ ...sources.get(name)!, ...plan, keep, required: selected.has(name), ...(cacheDir ? { cacheDir } : {}), ...(options.outDir ? { outDir: options.outDir } : {}) });
  }
  const total = here.length + spread.length;
  let done = 0;
  const onResult = options.onProgress && (() => options.onProgress!(++done, total));
  for (const result of [...runHere(here, clustersDir, onResult), ...(await runSpread(spread, clustersDir!, options.threads, onResult))]) {
    results.set(result.cluster, result);
    cache?.storeResult(result);
  }
  cache?.flush();
  const chosen = [...selected].sort().map((name) => results.get(name)!);
  const findings = options.until === undefined ? [...fleetFindings([...results.values()], selected, options.today), ...strays(clustersDir, results)] : chosen.flatMap((result) => result.findings);
  return {
    clusters: chosen,
    findings: locatedInDefinitions(findings),
    files: (result) => result.files ?? cache?.files(result) ?? filesAgain(sources.get(result.cluster)!),
    cached,
  };
}

/**
 * Every cluster's findings and the fleet rules' across them, acknowledged as the definitions say
 * (an acknowledgement in a shared layer is used when any of its clusters has the finding); the
 * selected clusters' are reported.
 */
function fleetFindings(results: readonly ClusterResult[], selected: ReadonlySet<string>, today = todayUtc()): Finding[] {
  const facts = results.flatMap((result) => (result.facts ? [result.facts] : []));
  const every = new Set(results.map((result) => result.cluster));
  const found = [...results.flatMap((result) => result.findings), ...validateFleetFacts(facts, every)];
  const acknowledgements = results.flatMap((result) => (result.acknowledgements ? [{ cluster: result.cluster, definitionFile: result.definitionFile, entries: result.acknowledgements }] : []));
  if (acknowledgements.length === 0) return found.filter((finding) => selected.has(finding.cluster) || finding.cluster === '');
  return applyAcknowledgements(found, acknowledgements, selected, today);
}

/**
 * A finding about a value a definition wrote gets the line and column of the property that set it;
 * the definition file stays its source when the module cannot tell.
 */
function locatedInDefinitions(findings: readonly Finding[]): Finding[] {
  return findings.map(({ definedAt, ...finding }) => {
    const source = definedAt ? locateDefinitionRef(definedAt) : undefined;
    return source ? { ...finding, source } : finding;
  });
}

/** Definitions in subfolders that nothing loads; judged on runs that loaded every cluster (the fleet rules' runs). */
function strays(clustersDir: string | undefined, results: ReadonlyMap<string, ClusterResult>): Finding[] {
  if (clustersDir === undefined) return [];
  return nestedDefinitions(clustersDir, new Set([...results.values()].flatMap((result) => result.dependencies)));
}

/** A result's definition, values and objects, when they were kept and the run went through synth. */
export function synthesizedOf(result: ClusterResult): SynthesizedCluster | undefined {
  const kept = result.kept;
  return kept?.manifests ? { cluster: kept.cluster, values: kept.values, manifests: kept.manifests } : undefined;
}

function definitionSources(options: DefinitionsFrom): Map<string, { name: string; file: string } | LoadedCluster> {
  if ('definitions' in options) return new Map(options.definitions.map((definition) => [definition.name, definition]));
  return new Map([...listClusterFiles(options.clustersDir)].map(([name, file]) => [name, { name, file }]));
}

/**
 * A cached result serves a run that writes when its files are in the output folder already, or
 * stored with it; otherwise (the folder was changed by hand, or by another branch's checkout) the
 * cluster runs again with the other misses, rather than alone when its files are written.
 */
function writable(result: ClusterResult, outDir: string, cache: SynthesisCache): ClusterResult | undefined {
  if (matchesHashes(outDir, result.cluster, result.fileHashes ?? {})) return { ...result, alreadyWritten: true };
  const files = cache.files(result);
  return files ? { ...result, files } : undefined;
}

/** Files neither kept nor cached were in the output folder when the cluster ran, and it changed since. */
function filesAgain(source: { name: string; file: string }): RenderedFiles {
  const { files } = clusterRunner()({ ...source, until: 'render', keep: false, required: true });
  if (!files) throw new Error(`cluster ${source.name} no longer synthesises; run again`);
  return files;
}

function fleetCacheDir(clustersDir: string): string {
  const fleet = createHash('sha256').update(path.resolve(clustersDir)).digest('hex').slice(0, 16);
  return path.join(cacheRoot(), 'synth', fleet);
}
