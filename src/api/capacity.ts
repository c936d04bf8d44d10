/** `capacity`: IPAM capacity per cluster and IP pool, of definitions or hand-written files. */
import { summarise, type FindingsReport } from '../core/findings';
import { runPipeline, synthesizedOf } from '../pipeline';
import { clusterCapacity, type ClusterCapacity } from '../validate/capacity';
import { definitionSource, type ClusterSource } from '../validate/source';
import type { ValidateInputs } from './validate';

export interface CapacityResult {
  clusters: ClusterCapacity[];
  /** inputs that could not be read (a definition that does not resolve, YAML that does not parse): their errors */
  unreadable: FindingsReport;
}

export async function capacity(inputs: ValidateInputs): Promise<CapacityResult> {
  let sources: ClusterSource[];
  let findings;
  if ('handWritten' in inputs) {
    // required here, as validate does: definitions never need the hand-written readers (nor the chart they render with)
    const { loadHandWritten } = require('../inputs/load') as typeof import('../inputs/load');
    ({ sources, findings } = loadHandWritten(inputs.handWritten, inputs.cwd, inputs));
  } else {
    const fleet = await runPipeline({ clustersDir: inputs.clustersDir, clusters: inputs.clusters ?? [], until: 'synth', keepObjects: true, limits: inputs.limits, note: inputs.note });
    sources = fleet.clusters.flatMap((result) => synthesizedOf(result) ?? []).map((synthesized) => definitionSource(synthesized));
    findings = fleet.findings;
  }
  const unreadable = summarise([...findings, ...sources.flatMap((source) => source.findings)].filter((f) => f.severity === 'error'));
  return { clusters: unreadable.summary.errors > 0 ? [] : sources.map((source) => clusterCapacity(source.input)), unreadable };
}
