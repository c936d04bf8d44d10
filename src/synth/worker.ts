/**
 * A synthesis worker thread: loads and records the clusters it is given (src/synth/workers.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { recordClusters, type RecordRequest } from '../pipeline';

const { items } = workerData as { items: RecordRequest[] };
try {
  parentPort!.postMessage({ ok: true, results: recordClusters(items) });
} catch (error) {
  const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
  parentPort!.postMessage({ ok: false, error: { name, message, stack } });
}
