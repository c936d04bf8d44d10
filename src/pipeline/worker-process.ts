/**
 * A pipeline worker process (./workers.ts): the only place definitions are evaluated. It loads the
 * steps while the calling process prepares the inputs, takes the transpiled modules, then runs
 * the clusters it is given one after the other: evaluate (src/load), then the steps on the plain
 * data. Every module it evaluated stays loaded for the next cluster, as in one Node process.
 */
import { DefinitionModules } from '../load/modules';
import { evaluateCluster } from '../load/evaluate';
import { describeThrown } from '../load/evaluation';
import { encodeFacts, type RouterRow } from '../cache/facts-codec';
import { clusterRunner, type ClusterRequest } from './requests';
import type { ClusterResult } from './steps';
import type { FromWorker, ToWorker } from './worker-messages';

const send = (message: FromWorker) => process.send!(message);
/** Resolves once the message is written: a definition that never ends must not hold back the result before it. */
const sendWritten = (message: FromWorker) => new Promise<void>((resolve) => process.send!(message, undefined, {}, () => resolve()));
const run = clusterRunner();
const queue: { index: number; request: ClusterRequest }[] = [];
let modules: DefinitionModules | undefined;
let current: number | undefined;
let currentFile: string | undefined;
let busy = false;
/** a throw after an evaluation was reported: this worker takes no further cluster */
let ending = false;
let lastModule: string | undefined;
const sentTables = new Set<string>();

process.on('message', (message: ToWorker) => {
  if (message.type === 'modules') {
    modules = new DefinitionModules({ transpiled: new Map(Object.entries(message.transpiled)), cacheDir: message.cacheDir, poisoned: new Map(Object.entries(message.poisoned)), onModule });
    send({ type: 'ready' });
  } else {
    queue.push(message);
  }
  void work();
});

/** Tells the pipeline the module being evaluated, when it is not the cluster's own file (the one it was sent). */
function onModule(module: string | undefined): void {
  const file = current !== undefined && module === currentFile ? undefined : module;
  if (file === lastModule) return;
  lastModule = file;
  send({ type: 'module', ...(file ? { file } : {}) });
}

async function work(): Promise<void> {
  if (busy || !modules) return;
  busy = true;
  try {
    for (let next = queue.shift(); next && !ending; next = queue.shift()) {
      const { index, request } = next;
      current = index;
      currentFile = request.file;
      const evaluated = evaluateCluster(request.name, request.file, modules);
      // what the definition left behind (a callback, a promise) runs now, while it is still the one blamed
      await new Promise((resolve) => setImmediate(resolve));
      send({ type: 'evaluated', index });
      await sendWritten(resultMessage(index, run(request, evaluated)));
    }
  } catch (error) {
    const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
    send({ type: 'error', error: { name, message, ...(stack ? { stack } : {}) } });
  } finally {
    busy = false;
  }
}

/** A result with its facts as the cache stores them: a fleet's clusters mostly share one router table, sent once. */
function resultMessage(index: number, result: ClusterResult): FromWorker {
  const { facts, ...rest } = result;
  if (!facts) return { type: 'result', index, result: rest };
  const tables: Record<string, RouterRow[]> = {};
  const stored = encodeFacts(facts, result.definitionFile, {
    read: () => undefined,
    write: (hash, rows) => {
      if (sentTables.has(hash)) return;
      sentTables.add(hash);
      tables[hash] = rows;
    },
  });
  return { type: 'result', index, result: { ...rest, facts: stored }, ...(Object.keys(tables).length > 0 ? { tables } : {}) };
}

/** A throw nothing caught ends the worker; the pipeline blames the definition it was on, or itself. */
function thrownLater(error: unknown): void {
  let message: FromWorker;
  if (current === undefined) {
    const { name, message: text, stack } = error instanceof Error ? error : new Error(String(error));
    message = { type: 'error', error: { name, message: text, ...(stack ? { stack } : {}) } };
  } else {
    ending = true;
    const location = modules?.locateError(error);
    message = { type: 'thrown-later', index: current, thrown: describeThrown(error), ...(location ? { location } : {}) };
  }
  void sendWritten(message).then(() => process.exit(70));
}
process.on('uncaughtException', thrownLater);
// let go by the pipeline: whatever a definition left running (a timer, a server) must not keep it
process.on('disconnect', () => process.exit(0));
process.on('unhandledRejection', thrownLater);
