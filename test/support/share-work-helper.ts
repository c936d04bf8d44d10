/**
 * A helper script for test/synth/workers.test.ts: doubles numbers, marks each item it took in
 * shared memory, and fails on an item that asks for it.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { claimNext, onOpening, type HelperData, type HelperMessage } from '../../src/pipeline/threads';

export interface TestItem {
  value: number;
  fail?: boolean;
  /** one cell per item: set to 1 by the helper that took it */
  taken: SharedArrayBuffer;
  index: number;
}

// `node --test dist/test/` loads this file too: outside a worker it does nothing
if (!isMainThread) {
  const { items, claims } = workerData as HelperData<TestItem>;
  onOpening((factor: number) => {
    for (let index = claimNext(claims, items.length); index >= 0; index = claimNext(claims, items.length)) {
      const item = items[index]!;
      Atomics.store(new Int32Array(item.taken), item.index, 1);
      Atomics.notify(new Int32Array(item.taken), item.index);
      if (item.fail) {
        parentPort!.postMessage({ index, error: { name: 'UserError', message: `item ${index} cannot be done` } } satisfies HelperMessage<number>);
        break;
      }
      parentPort!.postMessage({ index, result: item.value * factor } satisfies HelperMessage<number>);
    }
  });
}
