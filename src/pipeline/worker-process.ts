/**
 * The pipeline's worker process (./workers.ts, ./worker-host.ts): per job, one cluster's
 * definition evaluated, then the steps on it. The steps' modules load at once, while the calling
 * process still prepares the inputs.
 */
import type { Evaluated } from '../load/clusters';
import { clusterRunner, type ClusterRequest } from './requests';
import { serveJobs } from './worker-host';
import type { SentResult } from './worker-messages';

const run = clusterRunner();

serveJobs<ClusterRequest, Evaluated>({
  evaluate: (request, context) => context.evaluate(request.name, request.file),
  run(request, evaluated, context): SentResult {
    const { facts, ...rest } = run(request, evaluated);
    return facts ? { ...rest, facts: context.encode(facts, rest.definitionFile) } : rest;
  },
});
