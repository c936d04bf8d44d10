/**
 * The pipeline's steps, in order, for one cluster:
 *
 *   load      clusters/<name>.ts → the definition as plain data (a worker process) src/load
 *   resolve   layers → one complete, checked ClusterSpec                        src/resolve
 *   values    ClusterSpec → the chart's values                                  src/values
 *   synth     values → the objects the chart creates (cdk8s charts)             src/synth
 *   validate  values and objects → findings, and the facts the fleet rules need src/validate
 *   render    values and objects → the bytes of generated/<cluster>/            src/render
 *
 * The fleet rules, across every cluster's facts, follow once every cluster is through (./index.ts).
 * A result is plain data a helper thread can send back and the cache can store; the cluster's
 * definition, values and objects come along only when asked for (`keep`).
 */
import * as path from 'node:path';
import type { CachedResult } from '../cache/synthesis-cache';
import type { KubeObject } from '../core/kube';
import type { Evaluated, LoadedCluster } from '../load/clusters';
import { effectiveValues } from '../model/chart-defaults';
import type { CalicoValues } from '../model/chart-values';
import { definitionSites, type DefinitionSite } from '../model/site';
import { renderCluster, type RenderedFiles } from '../render/files';
import { resolveCluster, type ResolvedCluster } from '../resolve/resolve';
import { synthManifests } from '../synth/manifests';
import { contentHash } from '../util/hash';
import { validateClusterAlone } from '../validate';
import { emitValues } from '../values/emit';

export const STEPS = ['load', 'resolve', 'values', 'synth', 'validate', 'render'] as const;
export type Step = (typeof STEPS)[number];

export interface StepPlan {
  /** the last step to run */
  until: Step;
  /** keep the cluster's resolved definition, values and objects in the result */
  keep: boolean;
  /** with `keep`, also the definition's call sites, as plain data that survives the trip from a worker */
  sites?: boolean;
}

/** What the steps made of a cluster, kept in memory when asked for. */
export interface KeptCluster {
  cluster: ResolvedCluster;
  values: CalicoValues;
  /** absent when the run stopped before synth */
  manifests?: KubeObject[];
  /** the call sites of the definition's define* values, by path (model/site.ts), when the plan asks for them */
  sites?: DefinitionSite[];
}

export interface ClusterResult extends CachedResult {
  /** the rendered files; absent before render, when the definition did not resolve, or when read back from the cache */
  files?: RenderedFiles;
  /** the output folder held exactly these files when the result was made (never cached) */
  alreadyWritten?: true;
  kept?: KeptCluster;
}

/** The steps after load, for a definition evaluated (src/load) or one that could not be: then its finding is the result. */
export function runSteps(name: string, file: string, evaluated: Evaluated, plan: StepPlan): ClusterResult {
  if ('failure' in evaluated) return { cluster: name, definitionFile: path.relative(process.cwd(), file), dependencies: [], findings: [evaluated.failure] };
  return runLoaded(evaluated.loaded, plan);
}

function runLoaded(loaded: LoadedCluster, plan: StepPlan): ClusterResult {
  const result: ClusterResult = { cluster: loaded.name, definitionFile: path.relative(process.cwd(), loaded.file), dependencies: loaded.dependencies, findings: [] };
  const resolved = resolveCluster(loaded);
  if (!resolved.ok || plan.until === 'resolve') return { ...result, findings: resolved.ok ? [] : resolved.findings };
  const cluster = resolved.cluster;
  if (cluster.acknowledgements.length > 0) result.acknowledgements = cluster.acknowledgements;
  const values = emitValues(cluster.spec);
  const sites = plan.sites ? { sites: definitionSites(loaded.definition) } : {};
  if (plan.until === 'values') return plan.keep ? { ...result, kept: { cluster, values, ...sites } } : result;
  // the chart and the checks both read the values under the chart's defaults: merged once
  const effective = effectiveValues(values);
  const synthesized = { cluster, values, manifests: synthManifests(values, cluster.spec.release, effective) };
  const kept = plan.keep ? { kept: { ...synthesized, ...sites } } : {};
  if (plan.until === 'synth') return { ...result, ...kept };
  const { findings, facts } = validateClusterAlone(synthesized, effective);
  if (plan.until === 'validate') return { ...result, findings, facts, ...kept };
  const files = renderCluster(synthesized);
  const fileHashes = Object.fromEntries(Object.entries(files).map(([name, content]) => [name, contentHash(content)]));
  return { ...result, files, fileHashes, findings, facts, ...kept };
}
