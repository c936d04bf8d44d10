import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { shareWork } from '../../src/pipeline/threads';
import type { TestItem } from '../support/share-work-helper';

const helperScript = path.join(__dirname, '..', 'support', 'share-work-helper.js');

function items(count: number, failing?: number): TestItem[] {
  const taken = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * count);
  return Array.from({ length: count }, (_, index) => ({ value: index, taken, index, ...(index === failing ? { fail: true } : {}) }));
}

/** The calling thread's first item waits until a helper has taken the last one: helpers surely work. */
function waitForHelperOn(target: number) {
  return (item: TestItem) => {
    if (item.index === 0) Atomics.wait(new Int32Array(item.taken), target, 0, 20_000);
    return item.value * 2;
  };
}

test('items are shared between the calling thread and helpers, results in item order', async () => {
  const all = items(40);
  const work = shareWork<TestItem, number>(helperScript, all, 2);
  work.open(2);
  const results = await work.run(waitForHelperOn(39));
  assert.deepEqual(results, all.map((item) => item.value * 2));
  assert.equal(Atomics.load(new Int32Array(all[0]!.taken), 39), 1, 'a helper took the last item');
});

test("a helper's error rejects the run, with its name and message", async () => {
  const all = items(40, 39);
  const work = shareWork<TestItem, number>(helperScript, all, 1);
  work.open(2);
  await assert.rejects(work.run(waitForHelperOn(39)), { name: 'UserError', message: 'item 39 cannot be done' });
});

test('without helpers the calling thread does every item', async () => {
  const all = items(5);
  const work = shareWork<TestItem, number>(helperScript, all, 0);
  work.open(2);
  assert.deepEqual(await work.run((item) => item.value + 1), [1, 2, 3, 4, 5]);
});
