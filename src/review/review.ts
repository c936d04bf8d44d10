/**
 * `calico-gen review`, the library half: what a change does to each cluster between two revisions
 * (the head may be the working tree as it is on disk), both synthesised with the calico-gen code
 * running now. The working tree is only read; a revision is synthesised from its own temporary
 * copy. Each cluster's two sides are evaluated, synthesised and compared together in a worker
 * process (./jobs.ts), once when its inputs are the same in both; the fleet rules then run here
 * on each side's facts, and the findings of the two sides are compared.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Finding } from '../core/findings';
import { displayPath, listClusterFiles, listSharedModules } from '../load/clusters';
import { evaluationFinding } from '../load/evaluation';
import { SynthesisCache, type CachedResult } from '../cache/synthesis-cache';
import { DEFAULT_LIMITS, fleetCacheDir, fleetFindings, locatedInDefinitions, runInWorkers, transpiledModules, workerCount, type EvaluationLimits } from '../pipeline';
import { UserError } from '../util/errors';
import type { FleetFacts } from '../validate/rules/fleet/facts';
import { changes, compareFindings, type ClusterReview, type ComparedStates } from './compare';
import { commitOf, exportRevision, repositoryRoot } from './git';
import { sidesToEvaluate, type ReviewJob, type ReviewedCluster, type Side, type SideResult } from './jobs';

export interface ReviewOptions {
  /** how long one definition may take and how much memory (the pipeline's defaults otherwise) */
  limits?: Partial<EvaluationLimits>;
  cwd: string;
  /** the clusters folder, relative to cwd */
  clustersDir: string;
  base: string;
  /** a revision; the working tree when undefined */
  head?: string;
  /** only these clusters; all when empty */
  only?: readonly string[];
  /** show values that look sensitive (src/diff/sensitive.ts) instead of `<redacted>` */
  showSecrets?: boolean;
  /** read the synthesis and transpile caches (default); review never writes the synthesis cache */
  cache?: boolean;
}

export interface RevisionLabel {
  revision: string;
  /** the commit, or undefined for the working tree */
  commit?: string;
}

export interface Review {
  base: RevisionLabel;
  head: RevisionLabel;
  /** clusters the change touches, by name */
  clusters: ClusterReview[];
  /** how many clusters either side defines (after --cluster) */
  clusterCount: number;
}

/** A cluster reviewed, its facts decoded. */
type Reviewed = ReviewedCluster<FleetFacts>;

/** A revision's tree: where it is, and its cluster files by name. */
interface Tree {
  root: string;
  clustersDir: string;
  clusters: Map<string, string>;
}

export async function reviewChange(options: ReviewOptions): Promise<Review> {
  const root = repositoryRoot(options.cwd);
  const clustersDir = path.relative(root, realPath(path.resolve(options.cwd, options.clustersDir)));
  if (clustersDir.startsWith('..')) throw new UserError(`review: the clusters folder ${options.clustersDir} is outside the repository ${root}`);
  const commits = { base: commitOf(root, options.base), head: options.head === undefined ? undefined : commitOf(root, options.head) };
  // the revisions' trees live here, and go when review ends
  const session = fs.mkdtempSync(path.join(os.tmpdir(), 'calico-gen-review-'));
  try {
    const only = options.only ?? [];
    // the worker processes start first: the revisions are exported and the cache read while they do
    const prepared = afterWorkersStart(() => prepareRevisions(root, clustersDir, session, commits, only, options.cache !== false));
    const reviewed = await reviewClusters(prepared, expectedWorkers(path.join(root, clustersDir)), options);
    const { trees, names } = await prepared;
    const selected = only.length > 0 ? names.filter((name) => only.includes(name)) : names;
    const findings = (side: Side) => sideFindings(names, reviewed, side, new Set(selected), (file) => rename(file, trees[side].root, root, options.cwd));
    const [before, after] = [findings('base'), findings('head')];
    const clusters = selected
      .map((name) => {
        const { refusals, ...compared } = comparedOf(reviewed.get(name)!);
        return { cluster: name, ...compared, findings: compareFindings(before.get(name) ?? [], after.get(name) ?? [], refusals) };
      })
      .filter(changes);
    return {
      base: { revision: options.base, commit: commits.base },
      head: { revision: options.head ?? 'working tree', commit: commits.head },
      clusters,
      clusterCount: selected.length,
    };
  } finally {
    fs.rmSync(session, { recursive: true, force: true });
  }
}

/** Both revisions' trees, every cluster either defines, and what the synthesis cache holds of each. */
interface PreparedRevisions {
  trees: Trees;
  names: string[];
  cached: CachedSides;
}

function prepareRevisions(root: string, clustersDir: string, session: string, commits: Record<Side, string | undefined>, only: readonly string[], cache: boolean): PreparedRevisions {
  const treeOf = (side: Side): Tree => {
    let tree = root;
    const commit = commits[side];
    if (commit) {
      tree = path.join(session, side);
      exportRevision(root, commit, tree);
    }
    const dir = path.join(tree, clustersDir);
    return { root: tree, clustersDir: dir, clusters: fs.existsSync(dir) ? listClusterFiles(dir) : new Map() };
  };
  const trees = { base: treeOf('base'), head: treeOf('head') };
  const names = [...new Set([...trees.base.clusters.keys(), ...trees.head.clusters.keys()])].sort();
  checkOnly(only, names);
  return { trees, names, cached: cache ? cachedSides(names, trees, root, path.join(root, clustersDir)) : new Map(names.map((name) => [name, {}])) };
}

/** Runs `prepare` once the caller has gone on (and forked its workers): the export blocks this process, not theirs. */
function afterWorkersStart<T>(prepare: () => T): Promise<T> {
  return new Promise<void>((resolve) => setImmediate(resolve)).then(prepare);
}

/** As many workers as the working tree's clusters call for: the usual size of a change's review. */
function expectedWorkers(workingClusters: string): number {
  return workerCount(fs.existsSync(workingClusters) ? listClusterFiles(workingClusters).size : 0);
}

type Trees = Record<Side, Tree>;
type CachedSides = Map<string, Partial<Record<Side, CachedResult>>>;

/**
 * What the synthesis cache already knows of each side: a cluster whose every input is, byte for
 * byte, what a cached result was made from (found where the revision's copy has it) needs only
 * its values and objects made again, to be compared, not its checks.
 */
function cachedSides(names: readonly string[], trees: Trees, root: string, workingClusters: string): CachedSides {
  // the cache synth keeps for the working tree's fleet: read here, never written
  const cache = new SynthesisCache(fleetCacheDir(workingClusters));
  const inTree = (tree: Tree) => (file: string) => (tree.root !== root && file.startsWith(root + path.sep) ? path.join(tree.root, file.slice(root.length + 1)) : file);
  const sides = new Map<string, Partial<Record<Side, CachedResult>>>();
  for (const name of names) {
    const found: Partial<Record<Side, CachedResult>> = {};
    for (const side of ['base', 'head'] as const) {
      const result = trees[side].clusters.has(name) ? cache.lookup(name, inTree(trees[side])) : undefined;
      if (result) found[side] = result;
    }
    sides.set(name, found);
  }
  return sides;
}

/** Every cluster of both revisions, in worker processes; one whose sides the cache holds with the same output needs none. */
async function reviewClusters(prepared: Promise<PreparedRevisions>, workers: number, options: ReviewOptions): Promise<Map<string, Reviewed>> {
  const planned = prepared.then((revisions) => planJobs(revisions, options));
  const results = await runInWorkers<ReviewJob, Reviewed>({
    script: path.join(__dirname, 'worker-process.js'),
    jobs: planned.then((plan) => plan.jobs),
    workers,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    // transpiled modules are found by content, wherever the file is
    modules: prepared.then(({ trees }) => transpiledModules(moduleFiles(trees), options.cache !== false)),
    output: (text) => process.stderr.write(text),
    evaluations: (job) => Math.max(1, sidesToEvaluate(job).length),
    definitions: (job) => [job.head, job.base].filter((file): file is string => file !== undefined),
    received: (_, sent, decode) => {
      const { base, head, ...rest } = sent as ReviewedCluster;
      const decoded = (side: SideResult): SideResult<FleetFacts> => {
        const { facts, ...findings } = side;
        return facts ? { ...findings, facts: decode(facts, side.definitionFile!) } : findings;
      };
      return { ...rest, ...(base ? { base: decoded(base) } : {}), ...(head ? { head: decoded(head) } : {}) };
    },
    stopped: (job, stop) => {
      const side: Side = stop.definition === job.base && job.base !== undefined ? 'base' : sidesToEvaluate(job)[0]!;
      const finding = evaluationFinding(job.name, stop.message, stop.location ?? { file: displayPath(job[side]!) });
      const retry: ReviewJob = { ...job, stopped: { ...job.stopped, [side]: finding } };
      if (sidesToEvaluate(retry).length > 0) return { retry };
      const only = (s: Side) => (retry[s] ? { [s]: { findings: [retry.stopped![s]!] } } : {});
      return { result: { ...only('base'), ...only('head'), compared: { values: { changed: [], diff: '' }, changes: [], refusals: [] } } };
    },
  });
  const { jobs, reviewed } = await planned;
  const { cached } = await prepared;
  jobs.forEach((job, index) => {
    const result = results[index]!;
    const known = cached.get(job.name)!;
    // the checks of a side the cache holds were not run again: its findings and facts are the cache's
    for (const side of ['base', 'head'] as const) {
      const stored = known[side];
      if (stored && result[side] && !job.stopped?.[side]) result[side] = sideOfCached(stored);
    }
    reviewed.set(job.name, result);
  });
  return reviewed;
}

/** A job per cluster the workers must see; the clusters whose sides the cache holds with the same output, reviewed already. */
function planJobs({ trees, names, cached }: PreparedRevisions, options: ReviewOptions): { jobs: ReviewJob[]; reviewed: Map<string, Reviewed> } {
  const { base, head } = trees;
  const reviewed = new Map<string, Reviewed>();
  const jobs: ReviewJob[] = [];
  for (const name of names) {
    const known = cached.get(name)!;
    if (known.base && known.head && sameOutput(known.base, known.head)) {
      reviewed.set(name, { same: true, head: sideOfCached(known.head) });
      continue;
    }
    const cachedSide = { ...(known.base ? { base: true as const } : {}), ...(known.head ? { head: true as const } : {}) };
    const cachedSides = known.base || known.head ? { cached: cachedSide } : {};
    jobs.push({ name, base: base.clusters.get(name), head: head.clusters.get(name), baseRoot: base.root, headRoot: head.root, ...cachedSides, showSecrets: options.showSecrets ?? false });
  }
  return { jobs, reviewed };
}

/** Every module of both trees the workers may evaluate. */
function moduleFiles(trees: Trees): string[] {
  return [trees.base, trees.head].flatMap((tree) => (tree.clusters.size > 0 ? [...listSharedModules(tree.clustersDir), ...tree.clusters.values()] : []));
}

function sideOfCached(result: CachedResult): SideResult<FleetFacts> {
  const { findings, facts, definitionFile, acknowledgements } = result;
  return { findings, ...(facts ? { facts } : {}), definitionFile, ...(acknowledgements ? { acknowledgements } : {}) };
}

/** Two results whose rendered files are the same bytes: the cluster does not change. */
function sameOutput(base: CachedResult, head: CachedResult): boolean {
  const hashes = (result: CachedResult) => JSON.stringify(Object.entries(result.fileHashes ?? {}).sort());
  return base.fileHashes !== undefined && hashes(base) === hashes(head) && JSON.stringify(base.findings) === JSON.stringify(head.findings);
}

/**
 * A side's findings per cluster: each cluster's own and the fleet rules' over every cluster of that
 * side, acknowledged as its definitions say, at the line that wrote each value; file names as they
 * read in the working tree.
 */
function sideFindings(names: readonly string[], reviewed: ReadonlyMap<string, Reviewed>, side: Side, selected: ReadonlySet<string>, renamed: (file: string) => string): Map<string, Finding[]> {
  const ofSide = (result: Reviewed) => (result.same ? result.head : result[side]);
  const members = names.flatMap((name) => {
    const result = ofSide(reviewed.get(name)!);
    return result ? [{ cluster: name, definitionFile: result.definitionFile ?? '', findings: result.findings, ...(result.facts ? { facts: result.facts } : {}), ...(result.acknowledgements ? { acknowledgements: result.acknowledgements } : {}) }] : [];
  });
  const byCluster = new Map<string, Finding[]>();
  for (const finding of locatedInDefinitions(fleetFindings(members, selected))) {
    const located = finding.source ? { ...finding, source: { ...finding.source, file: renamed(finding.source.file) } } : finding;
    byCluster.set(finding.cluster, [...(byCluster.get(finding.cluster) ?? []), located]);
  }
  return byCluster;
}

function comparedOf(result: Reviewed): ComparedStates {
  return result.compared ?? { values: { changed: [], diff: '' }, changes: [], refusals: [] };
}

function checkOnly(only: readonly string[], known: readonly string[]): void {
  const unknown = only.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new UserError(`review: unknown cluster ${unknown.join(', ')}: neither revision defines it (clusters are ${[...new Set(known)].sort().join(', ')})`);
}

/** A path under a revision's copy (absolute, or relative to this process) → under the working tree, relative to cwd. */
function rename(file: string, tree: string, repositoryRoot: string, cwd: string): string {
  if (tree === repositoryRoot) return file;
  const target = path.relative(cwd, repositoryRoot);
  const prefix = target ? `${target}${path.sep}` : '';
  // the relative form first: it ends with the absolute one
  for (const form of [path.relative(process.cwd(), tree), tree]) if (file.startsWith(`${form}${path.sep}`)) return prefix + file.slice(form.length + 1);
  return file;
}

/** The folder may be missing from the working tree (a change that deletes it): resolve what exists. */
function realPath(file: string): string {
  let existing = file;
  const rest: string[] = [];
  while (!fs.existsSync(existing) && path.dirname(existing) !== existing) {
    rest.unshift(path.basename(existing));
    existing = path.dirname(existing);
  }
  return path.join(fs.realpathSync(existing), ...rest);
}
