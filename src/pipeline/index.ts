/**
 * The one pipeline every command runs: the steps of ./steps.ts for each cluster, then the fleet
 * rules across every cluster. Options say which clusters, how far, and what to keep; unchanged
 * clusters come from the cache, the others go to worker processes (./workers.ts), which alone
 * evaluate definitions. Writing is the caller's choice (synth writes, --check compares, the others
 * only read).
 *
 * The steps' modules (cdk8s, the schemas, the rules) are required where they run: a run whose
 * clusters all come from the cache never loads them.
 */
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { SynthesisCache } from '../cache/synthesis-cache';
import type { Finding } from '../core/findings';
import { cacheRoot, displayPath, listClusterFiles, listSharedModules, nestedDefinitions, selectNames, transpileCacheDir, type LoadedCluster } from '../load/clusters';
import { locateDefinitionRef } from '../load/definition-locations';
import { evaluationFinding } from '../load/evaluation';
import { transpileFiles } from '../load/transpile';
import { attachDefinitionSites } from '../model/site';
import { matchesHashes } from '../output/files';
import type { RenderedFiles } from '../render/files';
import type { SynthesizedCluster } from '../synth/synthesize';
import { UserError } from '../util/errors';
import { removeLeftoverTemporaries } from '../util/verified-file';
import { validateFleetFacts } from '../validate/fleet';
import { applyAcknowledgements, todayUtc } from '../validate/acknowledgements';
import { clusterRunner, type ClusterRequest } from './requests';
import type { ClusterResult, Step } from './steps';
import { DEFAULT_LIMITS, runInWorkers, workerCount, type EvaluationLimits, type JobStop, type ModulesPayload } from './workers';
import type { SentResult } from './worker-messages';

export type { ClusterResult, KeptCluster, Step } from './steps';
export { DEFAULT_LIMITS, runInWorkers, workerCount, type EvaluationLimits, type JobStop } from './workers';

/** Where the definitions come from: the clusters folder, or already loaded (import checks what it will write). */
export type DefinitionsFrom = { clustersDir: string } | { definitions: readonly LoadedCluster[] };

export type PipelineOptions = DefinitionsFrom & {
  /** the clusters to report on, by name; every cluster when empty. The fleet rules still see every cluster. */
  clusters?: readonly string[];
  /** stop after this step: no validation, so no fleet rules and no cache (default: every step) */
  until?: Extract<Step, 'resolve' | 'values' | 'synth'>;
  /** reuse what earlier runs made (results of unchanged clusters, transpiled modules); false bypasses every cache (default true) */
  cache?: boolean;
  /** with `cache: false`, still reuse transpiled modules (they are keyed by content alone) */
  transpileCache?: boolean;
  /** where the caller will write the rendered files (synth's output folder) */
  outDir?: string;
  /** keep each selected cluster's definition, values and objects (diff, review, capacity, the cdk8s app) */
  keepObjects?: boolean;
  /** worker processes (default CALICO_GEN_WORKERS, else one per core from 300 clusters) */
  workers?: number;
  /** how long a definition may take and how much memory (default DEFAULT_LIMITS) */
  limits?: Partial<EvaluationLimits>;
  /** told one line when a cache was not usable and is rebuilt (default: nowhere) */
  note?: (message: string) => void;
  /** what the definitions print (default: this process's stderr) */
  output?: (text: string) => void;
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
  const clustersDir = 'clustersDir' in options ? options.clustersDir : undefined;
  const files = clustersDir === undefined ? undefined : listClusterFiles(clustersDir);
  const loaded = 'definitions' in options ? new Map(options.definitions.map((definition) => [definition.name, definition])) : undefined;
  const names = files ?? loaded!;
  const selected = new Set(selectNames(names, options.clusters ?? []));
  const cacheDir = options.until === undefined && options.cache !== false && clustersDir !== undefined ? fleetCacheDir(clustersDir) : undefined;
  const cache = cacheDir === undefined ? undefined : new SynthesisCache(cacheDir, options.note);
  const plan = { until: options.until ?? (cache || options.outDir !== undefined ? 'render' : 'validate') } as const;
  // the fleet rules see every cluster; a run that stops early needs only the selected ones
  const run = options.until === undefined ? [...names.keys()] : [...selected];
  const results = new Map<string, ClusterResult>();
  const misses: ClusterRequest[] = [];
  let cached = 0;
  for (const name of run) {
    const keep = options.keepObjects === true && selected.has(name);
    const sites = keep ? { sites: true } : {};
    const hit = keep ? undefined : cache?.lookup(name);
    const usable = hit && options.outDir !== undefined ? writable(hit, options.outDir, cache!) : hit;
    if (usable) {
      results.set(name, usable);
      if (selected.has(name)) cached++;
    } else misses.push({ name, file: files?.get(name) ?? loaded!.get(name)!.file, ...plan, keep, ...sites, required: selected.has(name), ...(cacheDir ? { cacheDir } : {}), ...(options.outDir ? { outDir: options.outDir } : {}) });
  }
  let done = 0;
  const onResult = options.onProgress && (() => options.onProgress!(++done, misses.length));
  const fresh = loaded ? runHere(misses, loaded, onResult) : await runInWorkersFor(misses, clustersDir!, options, onResult);
  for (const result of fresh) {
    results.set(result.cluster, result);
    cache?.storeResult(result);
  }
  cache?.flush();
  const chosen = [...selected].sort().map((name) => results.get(name)!);
  const findings = options.until === undefined ? [...fleetFindings([...results.values()], selected, options.today), ...strays(clustersDir, results)] : chosen.flatMap((result) => result.findings);
  return {
    clusters: chosen,
    findings: locatedInDefinitions(findings),
    files: (result) => result.files ?? cache?.files(result) ?? changedMeanwhile(result, options.outDir),
    cached,
  };
}

/** What the fleet rules and acknowledgements need of a cluster's result. */
export type FleetMember = Pick<ClusterResult, 'cluster' | 'definitionFile' | 'findings' | 'facts' | 'acknowledgements'>;

/**
 * Every cluster's findings and the fleet rules' across them, acknowledged as the definitions say
 * (an acknowledgement in a shared layer is used when any of its clusters has the finding); the
 * selected clusters' are reported.
 */
export function fleetFindings(results: readonly FleetMember[], selected: ReadonlySet<string>, today = todayUtc()): Finding[] {
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
export function locatedInDefinitions(findings: readonly Finding[]): Finding[] {
  return findings.map(({ definedAt, ...finding }) => {
    const source = definedAt ? locateDefinitionRef(definedAt) : undefined;
    return source ? { ...finding, source } : finding;
  });
}

/** Definitions in subfolders that nothing loads; judged on runs that loaded every cluster (the fleet rules' runs). */
function strays(clustersDir: string | undefined, results: ReadonlyMap<string, ClusterResult>): Finding[] {
  if (clustersDir === undefined) return [];
  const modules = [...results.values()].flatMap((result) => result.dependencies.flatMap((dependency) => (dependency.kind === 'module' ? [dependency.path] : [])));
  return nestedDefinitions(clustersDir, new Set(modules));
}

/** A result's definition, values and objects, when they were kept and the run went through synth. */
export function synthesizedOf(result: ClusterResult): SynthesizedCluster | undefined {
  const kept = result.kept;
  return kept?.manifests ? { cluster: kept.cluster, values: kept.values, manifests: kept.manifests } : undefined;
}

/** The definitions in worker processes, with every module transpiled here meanwhile. */
async function runInWorkersFor(requests: ClusterRequest[], clustersDir: string, options: PipelineOptions, settled?: () => void): Promise<ClusterResult[]> {
  if (requests.length === 0) return [];
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  return runInWorkers<ClusterRequest, ClusterResult>({
    script: path.join(__dirname, 'worker-process.js'),
    jobs: requests,
    workers: workerCount(requests.length, options.workers),
    limits,
    modules: transpiledModules([...listSharedModules(clustersDir), ...requests.map((request) => request.file)], options.cache !== false || options.transpileCache === true),
    output: options.output ?? ((text) => process.stderr.write(text)),
    evaluations: () => 1,
    definitions: (request) => [request.file],
    received: (_, sent, decode) => {
      const { facts, ...rest } = sent as SentResult;
      // the call sites travel beside the definition (a copy): put back, definitionSite finds them there
      if (rest.kept?.sites) attachDefinitionSites(rest.kept.cluster.definition, rest.kept.sites);
      return facts ? { ...rest, facts: decode(facts, rest.definitionFile) } : rest;
    },
    stopped: (request, stop) => ({ result: failedResult(request.name, request.file, stop) }),
    ...(settled ? { settled } : {}),
  });
}

/** The modules the workers will evaluate, transpiled here (through the transpile cache when `cached`). */
export function transpiledModules(files: readonly string[], cached: boolean): Promise<ModulesPayload> {
  const cacheDir = cached ? transpileCacheDir() : undefined;
  if (cacheDir) removeLeftoverTemporaries(cacheDir);
  return transpileFiles(files, cacheDir).then((transpiled) => ({ transpiled, ...(cacheDir ? { cacheDir } : {}) }));
}

/** A cluster whose worker stopped while evaluating it: the finding that says why, where. */
export function failedResult(name: string, file: string, stop: JobStop): ClusterResult {
  const definitionFile = displayPath(file);
  return { cluster: name, definitionFile, dependencies: [], findings: [evaluationFinding(name, stop.message, stop.location ?? { file: definitionFile })] };
}

/** Definitions already in memory (made by calico-gen, not evaluated from a fleet's code) run here. */
function runHere(requests: readonly ClusterRequest[], loaded: ReadonlyMap<string, LoadedCluster>, settled?: () => void): ClusterResult[] {
  if (requests.length === 0) return [];
  const run = clusterRunner();
  return requests.map((request) => {
    const result = run(request, { loaded: loaded.get(request.name)! });
    settled?.();
    return result;
  });
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

/** The files were in the output folder moments ago, unkept: someone changed the folder during the run. */
function changedMeanwhile(result: ClusterResult, outDir: string | undefined): never {
  throw new UserError(`${path.join(outDir ?? '', result.cluster)} changed while this run used it: run the command again`);
}

/** Where the synthesis cache of the fleet in `clustersDir` lives. */
export function fleetCacheDir(clustersDir: string): string {
  const fleet = createHash('sha256').update(path.resolve(clustersDir)).digest('hex').slice(0, 16);
  return path.join(cacheRoot(), 'synth', fleet);
}
