/**
 * `validate`: the definitions through the pipeline (cached per cluster; the fleet rules see every
 * cluster), or hand-written values files and Calico manifests through the same rules.
 */
import { summarise, type FindingsReport } from '../core/findings';
import type { ClusterFiles } from '../inputs/load';
import { runPipeline } from '../pipeline';
import type { EvaluationOptions } from './evaluation';

/** Which clusters: definitions from a clusters folder, or hand-written files (paths relative to `cwd`). */
export type { ClusterFiles } from '../inputs/load';

export type ValidateInputs =
  | ({ clustersDir: string; clusters?: readonly string[]; cache?: boolean; workers?: number; onProgress?: (done: number, total: number) => void } & EvaluationOptions)
  | { handWritten: readonly ClusterFiles[]; cwd: string; maxInputBytes?: number };

export async function validate(inputs: ValidateInputs): Promise<FindingsReport> {
  if ('handWritten' in inputs) {
    // required here: definitions served from the cache never need the chart or the rules
    const { validateClusters } = require('../validate') as typeof import('../validate');
    const { loadHandWritten } = require('../inputs/load') as typeof import('../inputs/load');
    const loaded = loadHandWritten(inputs.handWritten, inputs.cwd, inputs);
    return summarise([...loaded.findings, ...validateClusters(loaded.sources)]);
  }
  const fleet = await runPipeline({ clustersDir: inputs.clustersDir, clusters: inputs.clusters ?? [], cache: inputs.cache, workers: inputs.workers, limits: inputs.limits, note: inputs.note, onProgress: inputs.onProgress });
  return summarise(fleet.findings);
}
