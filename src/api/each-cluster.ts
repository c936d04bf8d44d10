/**
 * What `diff` and `capacity --live` share: the selected definitions through the pipeline, then
 * each synthesised cluster's own work (reading its live state), a few clusters at a time. A
 * cluster whose definition has errors is not read; one that cannot be read is an outcome with its
 * cause, so that the others complete.
 */
import * as path from 'node:path';
import { counts, summarise, type FindingsReport } from '../core/findings';
import { mapBounded } from '../live/concurrency';
import { runPipeline, synthesizedOf } from '../pipeline';
import type { SynthesizedCluster } from '../synth/synthesize';
import { compareStrings } from '../util/compare';
import { oneLineError } from '../util/errors';
import type { EvaluationOptions } from './evaluation';

export const DEFINITION_ERRORS = 'the cluster definition has errors (listed above): fix them first';

export interface EachClusterOptions extends EvaluationOptions {
  clustersDir: string;
  /** the clusters to read; every cluster when empty */
  clusters?: readonly string[];
  /** clusters worked on at once (default 4) */
  concurrency?: number;
  cwd: string;
  /** how far the pipeline runs: 'synth' when the work needs the objects but not their findings */
  until?: 'synth';
  /** hears how far the run is: clusters synthesised, then clusters read, and each dump before it is read */
  onProgress?: (step: ClusterRunProgress) => void;
}

/** The options of a command that reads each cluster's live state: the loop's, and the process's environment (KUBECONFIG, HOME). */
export interface LiveRunOptions extends Omit<EachClusterOptions, 'until'> {
  env: Readonly<Record<string, string | undefined>>;
}

/** How far a run is; 'dump' comes from the work itself, before it reads a saved dump. */
export type ClusterRunProgress = { phase: 'synthesise' | 'read'; done: number; total: number } | { phase: 'dump'; file: string };

export type EachClusterOutcome<T> = ({ cluster: string } & T) | { cluster: string; error: string; cause?: unknown };

export interface EachClusterRun<T> {
  definitions: FindingsReport;
  /** per cluster, in name order */
  outcomes: EachClusterOutcome<T>[];
  /** definition errors left nothing to read: no cluster was read */
  blocked: boolean;
}

/** What JSON reports say when definition errors stopped the run: the one cluster asked for by name, or each cluster that has them. */
export function blockedOutcomes(definitions: FindingsReport, names: readonly string[]): { cluster: string; error: string }[] {
  const broken = [...new Set(definitions.findings.filter((f) => f.severity === 'error' && counts(f)).flatMap((f) => f.clusters ?? [f.cluster]))];
  return (names.length === 1 ? names : broken).map((cluster) => ({ cluster, error: DEFINITION_ERRORS }));
}

export async function eachCluster<T extends object>(options: EachClusterOptions, work: (synthesized: SynthesizedCluster) => Promise<T>): Promise<EachClusterRun<T>> {
  const progress = options.onProgress;
  const fleet = await runPipeline({
    clustersDir: path.resolve(options.cwd, options.clustersDir),
    clusters: options.clusters ?? [],
    ...(options.until ? { until: options.until } : {}),
    keepObjects: true,
    limits: options.limits,
    note: options.note,
    onProgress: progress && ((done, total) => progress({ phase: 'synthesise', done, total })),
  });
  const definitions = summarise(fleet.findings);
  // an acknowledged error does not stop a cluster
  const broken = new Set(fleet.findings.filter((f) => f.severity === 'error' && counts(f)).map((f) => f.cluster));
  const readable = fleet.clusters.filter((result) => !broken.has(result.cluster)).flatMap((result) => synthesizedOf(result) ?? []);
  if (broken.size > 0 && (readable.length === 0 || broken.has(''))) return { definitions, outcomes: [], blocked: true };
  let done = 0;
  const settled = await mapBounded(readable, options.concurrency ?? 4, (synthesized) =>
    work(synthesized).finally(() => progress?.({ phase: 'read', done: ++done, total: readable.length })),
  );
  const outcomes: EachClusterOutcome<T>[] = settled.map((result, i) => {
    const cluster = readable[i]!.cluster.name;
    if (result.status === 'fulfilled') return { cluster, ...result.value };
    return { cluster, error: oneLineError(result.reason, false), cause: result.reason };
  });
  for (const cluster of broken) outcomes.push({ cluster, error: DEFINITION_ERRORS });
  return { definitions, outcomes: outcomes.sort((a, b) => compareStrings(a.cluster, b.cluster)), blocked: false };
}
