/**
 * Splits per-cluster work across threads. Each cluster is independent, and synthesis is CPU-bound
 * (cdk8s, rules, YAML), so a fleet goes about as many times faster as there are cores, less the
 * start-up of each worker (loading cdk8s: ~0.3 s), which is why small batches stay on one thread.
 */
import * as os from 'node:os';
import { Worker } from 'node:worker_threads';

/** Below this many items a worker's start-up costs more than it saves (bench/). */
export const MIN_ITEMS_PER_WORKER = 100;

export function threadCount(items: number): number {
  const configured = Number(process.env.CALICO_GEN_THREADS);
  const cores = configured > 0 ? configured : os.availableParallelism();
  return Math.max(1, Math.min(cores, 8, Math.floor(items / MIN_ITEMS_PER_WORKER)));
}

/**
 * Runs `local` on the calling thread for the first share and the worker script on the rest, all
 * at once; results come back in the order of `items`.
 */
export async function mapAcrossThreads<I, O>(script: string, items: readonly I[], local: (items: readonly I[]) => O[], threads = threadCount(items.length)): Promise<O[]> {
  if (threads <= 1) return local(items);
  const shares = split(items, threads);
  const remote = shares.slice(1).map((share) => runWorker<I, O>(script, share));
  // the calling thread's share runs while the workers start up and work
  const mine = local(shares[0]!);
  const theirs = await Promise.all(remote);
  return [...mine, ...theirs.flat()];
}

function split<I>(items: readonly I[], parts: number): I[][] {
  const size = Math.ceil(items.length / parts);
  const shares: I[][] = [];
  for (let start = 0; start < items.length; start += size) shares.push(items.slice(start, start + size));
  return shares;
}

function runWorker<I, O>(script: string, items: readonly I[]): Promise<O[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: { items } });
    worker.once('message', (message: { ok: true; results: O[] } | { ok: false; error: { name: string; message: string; stack?: string } }) => {
      if (message.ok) resolve(message.results);
      else reject(Object.assign(new Error(message.error.message), message.error));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`synthesis worker exited with status ${code}`));
    });
  });
}
