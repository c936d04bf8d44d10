/**
 * Spreads per-cluster work over the cores. Each cluster is independent and CPU-bound (cdk8s,
 * rules, YAML). Helper threads are started before their inputs are ready, so that their start-up
 * (loading cdk8s and the rules) overlaps the calling thread's own start-up; then every
 * thread, the calling one included, claims the next unclaimed item from shared memory until none
 * is left. A helper that starts late finds less to do, and one that claimed nothing is not waited
 * for. A helper still competes for the cores while it loads, which is why small batches get none.
 */
import * as os from 'node:os';
import { Worker, parentPort } from 'node:worker_threads';

/**
 * Fewer items than this are not worth a helper: on 2 cores, where V8 already compiles and collects
 * garbage on the second one, a helper only pays from about this many clusters on (measured with
 * bench/; docs/speed.md has the figures).
 */
export const MIN_ITEMS_FOR_HELPERS = 300;

/** The shared claim memory: one cell, the next item to claim. */
const NEXT = 0;

/** What a helper script receives as `workerData`. */
export interface HelperData<I> {
  items: I[];
  claims: SharedArrayBuffer;
}

/** A helper's message: one per claimed item. */
export type HelperMessage<O> = { index: number; result: O } | { index: number; error: { name: string; message: string; stack?: string } };

/**
 * Helper threads for this many items. `threads` (default CALICO_GEN_THREADS) asks for that many in
 * all, the calling one included, whatever the count; otherwise one per further core, up to 8
 * threads, from MIN_ITEMS_FOR_HELPERS items on.
 */
export function helperCount(items: number, threads: number = Number(process.env.CALICO_GEN_THREADS)): number {
  const asked = threads;
  if (Number.isInteger(asked) && asked > 0) return Math.max(0, Math.min(asked, items) - 1);
  if (items < MIN_ITEMS_FOR_HELPERS) return 0;
  return Math.min(os.availableParallelism(), 8) - 1;
}

export interface SharedWork<I, O> {
  /** Lets the helpers begin claiming, handing each the payload their inputs need. */
  open(payload: unknown): void;
  /**
   * Works on this thread too, until every item is done; results in the order of the items. An
   * item whose `ready` promise is pending is waited for (the helpers wait for `open` instead), and
   * the thread yields between items so that background work (writing caches) goes on. A helper's
   * error rejects; helpers that were never opened are stopped, not waited for.
   */
  run(local: (item: I) => O, ready?: (item: I) => Promise<void> | undefined): Promise<O[]>;
  /** Stops every helper; safe to call more than once. */
  stop(): void;
}

/** Starts the helpers at once; they load, then wait until `open`. `onResult` hears of each item done, on any thread. */
export function shareWork<I, O>(script: string, items: readonly I[], helpers = helperCount(items.length), onResult?: () => void): SharedWork<I, O> {
  const claims = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const results = new Map<number, O>();
  let failure: Error | undefined;
  let running = helpers;
  let settle: (() => void) | undefined;
  const workers = Array.from({ length: helpers }, () => {
    const worker = new Worker(script, { workerData: { items: [...items], claims } satisfies HelperData<I> });
    worker.on('message', (message: HelperMessage<O>) => {
      if ('result' in message) {
        results.set(message.index, message.result);
        onResult?.();
      } else failure ??= Object.assign(new Error(message.error.message), message.error);
      settle?.();
    });
    worker.on('error', (error) => {
      failure ??= error;
      settle?.();
    });
    worker.on('exit', () => {
      running--;
      settle?.();
    });
    return worker;
  });
  const stop = () => {
    for (const worker of workers) void worker.terminate();
  };
  const open = (payload: unknown) => {
    for (const worker of workers) worker.postMessage(payload);
  };
  return {
    open,
    stop,
    async run(local, ready) {
      for (let index = claimNext(claims, items.length); index >= 0; index = claimNext(claims, items.length)) {
        const item = items[index]!;
        await ready?.(item);
        await yieldToEvents();
        results.set(index, local(item));
        onResult?.();
      }
      // every item is claimed now; wait only for those a helper is still working on
      while (results.size < items.length && !failure) {
        if (running === 0) failure = new Error(`a synthesis thread stopped with ${items.length - results.size} cluster(s) unfinished`);
        else await new Promise<void>((resolve) => (settle = resolve));
      }
      stop();
      if (failure) throw failure;
      return items.map((_, index) => results.get(index)!);
    },
  };
}

function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The next item nobody has claimed, or -1 when all are taken. */
export function claimNext(claims: SharedArrayBuffer, count: number): number {
  const index = Atomics.add(new Int32Array(claims), NEXT, 1);
  return index < count ? index : -1;
}

/** In a helper: runs `work` with the payload the calling thread opens the work with. */
export function onOpening<P>(work: (payload: P) => void): void {
  parentPort!.once('message', work);
}
