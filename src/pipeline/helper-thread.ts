/**
 * A pipeline helper thread (./threads.ts): loads the steps while the calling thread prepares the
 * inputs, takes the definitions it transpiled, then runs the clusters it claims, one message each.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { adoptTranspiled, type TranspiledCode } from '../load/transpile';
import { clusterRunner, type ClusterRequest } from './requests';
import type { ClusterResult } from './steps';
import { claimNext, onOpening, type HelperData, type HelperMessage } from './threads';

const { items, claims } = workerData as HelperData<ClusterRequest>;
const post = (message: HelperMessage<ClusterResult>) => parentPort!.postMessage(message);
const run = clusterRunner();
onOpening((transpiled: TranspiledCode) => {
  adoptTranspiled(transpiled);
  for (let index = claimNext(claims, items.length); index >= 0; index = claimNext(claims, items.length)) {
    try {
      post({ index, result: run(items[index]!) });
    } catch (error) {
      const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
      post({ index, error: { name, message, ...(stack ? { stack } : {}) } });
      break;
    }
  }
});
