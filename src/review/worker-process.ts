/**
 * Review's worker process (src/pipeline/workers.ts, ./jobs.ts): per job, one cluster of both
 * revisions, head first. When the head's inputs are the same bytes in the base, the base is not
 * evaluated and the cluster is synthesised once; otherwise both are, and compared here.
 */
import type { Evaluated } from '../load/clusters';
import type { JobContext } from '../pipeline/worker-host';
import { serveJobs } from '../pipeline/worker-host';
import { runSteps, type ClusterResult } from '../pipeline/steps';
import { compareClusterStates, type ClusterState } from './compare';
import { sameInBase, sidesToEvaluate, type ReviewJob, type ReviewedCluster, type Side, type SideResult } from './jobs';

type Evaluations = Partial<Record<Side, Evaluated>> & { same?: true };

/** the hashes of the base's counterparts of the head's dependencies, once per worker */
const baseHashes = new Map<string, string>();

serveJobs<ReviewJob, Evaluations>({
  evaluate(job, context) {
    const evaluations: Evaluations = {};
    for (const side of sidesToEvaluate(job)) {
      const head = evaluations.head;
      if (side === 'base' && head && 'loaded' in head && sameInBase(head.loaded.dependencies, job, baseHashes)) return { head, same: true };
      evaluations[side] = context.evaluate(job.name, job[side]!);
    }
    return evaluations;
  },
  run(job, evaluations, context): ReviewedCluster {
    const synthesised = (side: Side) => {
      const evaluated = evaluations[side];
      if (!evaluated) return undefined;
      return runSteps(job.name, job[side]!, evaluated, { until: job.cached?.[side] ? 'synth' : 'validate', keep: evaluations.same !== true });
    };
    const head = synthesised('head');
    if (evaluations.same) return { same: true, head: sideResult(head!, context) };
    const base = synthesised('base');
    const state = (side: Side, result: ClusterResult | undefined): ClusterState => {
      const stopped = job.stopped?.[side];
      if (stopped) return { findings: [stopped] };
      const kept = result?.kept;
      return kept ? { values: kept.values as unknown as Record<string, unknown>, manifests: kept.manifests ?? [], release: kept.cluster.spec.release, findings: result.findings } : { findings: result?.findings ?? [] };
    };
    return {
      ...(job.base ? { base: base ? sideResult(base, context) : { findings: [job.stopped!.base!] } } : {}),
      ...(job.head ? { head: head ? sideResult(head, context) : { findings: [job.stopped!.head!] } } : {}),
      compared: compareClusterStates(job.name, state('base', base), state('head', head), { showSecrets: job.showSecrets }),
    };
  },
});

function sideResult(result: ClusterResult, context: JobContext): SideResult {
  return {
    findings: result.findings,
    definitionFile: result.definitionFile,
    ...(result.acknowledgements ? { acknowledgements: result.acknowledgements } : {}),
    ...(result.facts ? { facts: context.encode(result.facts, result.definitionFile) } : {}),
  };
}
