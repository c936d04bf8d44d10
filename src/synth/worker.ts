/**
 * A synthesis helper thread (src/synth/workers.ts): loads the per-cluster stages while the
 * calling thread prepares the inputs, takes the definitions it transpiled, then records the
 * clusters it claims, one message each.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { clusterRecorder, type RecordRequest } from '../pipeline';
import { adoptTranspiled, type TranspiledCode } from '../load/transpile';
import { claimNext, onOpening, type HelperData, type HelperMessage } from './workers';
import type { ClusterRecord } from './record';

const { items, claims } = workerData as HelperData<RecordRequest>;
const post = (message: HelperMessage<ClusterRecord>) => parentPort!.postMessage(message);
const record = clusterRecorder();
onOpening((transpiled: TranspiledCode) => {
  adoptTranspiled(transpiled);
  for (let index = claimNext(claims, items.length); index >= 0; index = claimNext(claims, items.length)) {
    try {
      post({ index, result: record(items[index]!) });
    } catch (error) {
      const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
      post({ index, error: { name, message, ...(stack ? { stack } : {}) } });
      break;
    }
  }
});
