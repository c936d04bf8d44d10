/**
 * `synth`: validate every definition, then write generated/<cluster>/ — or, with `check`, compare
 * it with a fresh synthesis instead. Nothing is written when a cluster has an error finding (or a
 * warning, with `strict`).
 */
import { summarise, type FindingsReport } from '../core/findings';
import * as path from 'node:path';
import { staleFiles, writeClusters, type ClusterOutput, type StaleFile } from '../output/files';
import { orphanFolders } from '../output/orphans';
import { checkOutputFolder } from '../output/safety';
import { runPipeline } from '../pipeline';
import type { EvaluationOptions } from './evaluation';
import { listClusterFiles } from '../load/clusters';

export interface SynthOptions extends EvaluationOptions {
  /** the folder of cluster definitions */
  clustersDir: string;
  /** only these clusters (the fleet rules still see every cluster); every cluster when empty */
  clusters?: readonly string[];
  /** where the files go: generated/ */
  outDir: string;
  /**
   * the project's folder (the working directory): an output folder inside it must not lead out of
   * it through a symbolic link; messages name paths relative to it. Default: the clusters folder's parent
   */
  projectDir?: string;
  /** write nothing: list the files that differ from a fresh synthesis */
  check?: boolean;
  /** warnings fail too */
  strict?: boolean;
  /** reuse results of clusters whose inputs did not change (default true) */
  cache?: boolean;
  workers?: number;
  /** hears of each cluster synthesised (not served from the cache) */
  onProgress?: (done: number, total: number) => void;
}

export interface SynthResult {
  report: FindingsReport;
  /** an error finding, or a warning with `strict`: nothing was written */
  failed: boolean;
  /** clusters synthesised, and how many of them came from the cache */
  clusters: number;
  cached: number;
  /** files written, and folders of clusters without a definition removed (or emptied of calico-gen's files) */
  written: string[];
  removed: string[];
  /** with `check`: the files a run would change, each with its diff */
  stale: StaleFile[];
}

export async function synth(options: SynthOptions): Promise<SynthResult> {
  const only = options.clusters ?? [];
  const projectDir = options.projectDir ?? path.dirname(path.resolve(options.clustersDir));
  const display = (file: string) => path.relative(projectDir, file) || '.';
  // refused before the work: a link out of the project is not something a synthesis changes
  if (!options.check) checkOutputFolder(options.outDir, projectDir, [...listClusterFiles(options.clustersDir).keys()], display);
  const fleet = await runPipeline({ clustersDir: options.clustersDir, clusters: only, cache: options.cache, outDir: options.outDir, workers: options.workers, limits: options.limits, note: options.note, onProgress: options.onProgress });
  const report = summarise(fleet.findings);
  const failed = report.summary.errors > 0 || (options.strict === true && report.summary.warnings > 0);
  const result: SynthResult = { report, failed, clusters: fleet.clusters.length, cached: fleet.cached, written: [], removed: [], stale: [] };
  if (failed) return result;
  const outputs: ClusterOutput[] = fleet.clusters.map((cluster) => ({
    cluster: cluster.cluster,
    fileHashes: cluster.fileHashes!,
    alreadyWritten: cluster.alreadyWritten === true,
    content: () => fleet.files(cluster),
  }));
  // a cluster folder without a definition is only ours to judge when the whole fleet was synthesised
  const orphans = only.length === 0 ? orphanFolders(options.outDir, outputs.map((output) => output.cluster)) : [];
  if (options.check) return { ...result, stale: staleFiles(options.outDir, outputs, orphans) };
  const written = writeClusters(options.outDir, outputs, orphans, display);
  return { ...result, written, removed: orphans.map((orphan) => orphan.dir) };
}
