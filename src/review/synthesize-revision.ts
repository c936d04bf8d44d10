/**
 * One revision's fleet through the current calico-gen pipeline: per cluster, the values, the
 * objects and the findings, with file names as they read in the working tree (a finding in the
 * base revision's copy is reported at `clusters/x.ts`, not at a temporary path).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runPipeline, synthesizedOf, type EvaluationLimits, type PipelineRun } from '../pipeline';
import type { KubeObject } from '../core/kube';
import type { Finding } from '../core/findings';
import { UserError } from '../util/errors';

export interface ClusterState {
  values?: Record<string, unknown>;
  manifests?: KubeObject[];
  findings: Finding[];
}

export interface RevisionState {
  /** what the revision is, for messages: `base HEAD~1`, `the working tree` */
  label: string;
  clusters: Map<string, ClusterState>;
}

export interface RevisionInput {
  label: string;
  /** the folder holding the revision's tree (the snapshot, or the repository for the working tree) */
  root: string;
  /** the clusters folder, relative to the repository root */
  clustersDir: string;
  /** the repository's working tree, to name files in findings */
  repositoryRoot: string;
  cwd: string;
  limits?: Partial<EvaluationLimits>;
}

export async function synthesizeRevision(input: RevisionInput): Promise<RevisionState> {
  const clustersDir = path.join(input.root, input.clustersDir);
  const clusters = new Map<string, ClusterState>();
  if (!fs.existsSync(clustersDir)) return { label: input.label, clusters };
  let fleet: PipelineRun;
  try {
    // a revision's copy lives in a temporary folder: its results are not worth caching, but
    // transpiled modules are found by content, wherever the file is
    fleet = await runPipeline({ clustersDir, cache: false, transpileCache: true, keepObjects: true, limits: input.limits });
  } catch (error) {
    if (error instanceof UserError) throw new UserError(`review: ${input.label}: ${rename(error.message, input)}`, error.location);
    throw error;
  }
  const state = (name: string) => {
    if (!clusters.has(name)) clusters.set(name, { findings: [] });
    return clusters.get(name)!;
  };
  for (const synthesized of fleet.clusters.flatMap((result) => synthesizedOf(result) ?? [])) {
    Object.assign(state(synthesized.cluster.name), { values: synthesized.values as unknown as Record<string, unknown>, manifests: synthesized.manifests });
  }
  for (const finding of fleet.findings) {
    const renamed = finding.source ? { ...finding, source: { ...finding.source, file: rename(finding.source.file, input) } } : finding;
    state(finding.cluster).findings.push(renamed);
  }
  return { label: input.label, clusters };
}

/** Paths under the snapshot (absolute, or relative to the process as the pipeline writes them) → under the working tree, relative to cwd. */
function rename(text: string, input: RevisionInput): string {
  if (input.root === input.repositoryRoot) return text;
  const target = path.relative(input.cwd, input.repositoryRoot);
  const prefix = target ? `${target}${path.sep}` : '';
  // the relative form first: it ends with the absolute one
  for (const form of [path.relative(process.cwd(), input.root), input.root]) text = text.split(`${form}${path.sep}`).join(prefix);
  return text;
}
