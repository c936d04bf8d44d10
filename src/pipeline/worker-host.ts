/**
 * The inside of a worker process (./workers.ts): the only place definitions are evaluated. It
 * takes the transpiled modules, then runs the jobs it is given one after the other, each in two
 * halves: evaluate the job's definitions (src/load), then, once anything they left behind has run
 * and the pipeline has been told the evaluation is over, the work on the plain data. Every module
 * it evaluated stays loaded for the next job, as in one Node process. What kind of job it runs is
 * its script's (./worker-process.ts for the pipeline, src/review/worker-process.ts for review).
 */
import { encodeFacts, type RouterRow, type StoredFacts } from '../cache/facts-codec';
import type { Evaluated } from '../load/clusters';
import { evaluateCluster } from '../load/evaluate';
import { describeThrown } from '../load/evaluation';
import { DefinitionModules } from '../load/modules';
import type { FleetFacts } from '../validate/rules/fleet/facts';
import type { FromWorker, ToWorker } from './worker-messages';

export interface JobContext {
  /** evaluates a cluster's definition; the job's first one is the one the pipeline names it by */
  evaluate(name: string, file: string): Evaluated;
  /** facts as they travel to the pipeline: each router table once per worker */
  encode(facts: FleetFacts, definitionFile: string): StoredFacts;
}

export interface JobHandler<J, E> {
  /** evaluates the job's definitions: the deadline runs until this returns */
  evaluate(job: J, context: JobContext): E;
  /** the work on what was evaluated; the result goes to the pipeline as JSON */
  run(job: J, evaluated: E, context: JobContext): unknown;
}

export function serveJobs<J, E>(handler: JobHandler<J, E>): void {
  const send = (message: FromWorker) => process.send!(message);
  /** Resolves once the message is written: a definition that never ends must not hold back the result before it. */
  const sendWritten = (message: FromWorker) => new Promise<void>((resolve) => process.send!(message, undefined, {}, () => resolve()));
  const queue: { index: number; job: J }[] = [];
  let modules: DefinitionModules | undefined;
  let current: number | undefined;
  /** the first definition the current job evaluates: 'module' messages do not repeat it */
  let primary: string | undefined;
  let busy = false;
  /** a throw after an evaluation was reported: this worker takes no further job */
  let ending = false;
  let lastModule: string | undefined;
  let tables: Record<string, RouterRow[]> = {};
  const sentTables = new Set<string>();

  // the job's evaluation is over when nothing is evaluated any more: 'evaluated' follows, and says so
  const onModule = (module: string | undefined) => {
    if (module === undefined) return;
    const file = module === primary ? undefined : module;
    if (file === lastModule) return;
    lastModule = file;
    send({ type: 'module', ...(file ? { file } : {}) });
  };
  const context: JobContext = {
    evaluate(name, file) {
      primary ??= file;
      return evaluateCluster(name, file, modules!);
    },
    encode(facts, definitionFile) {
      return encodeFacts(facts, definitionFile, {
        read: () => undefined,
        write: (hash, rows) => {
          if (sentTables.has(hash)) return;
          sentTables.add(hash);
          tables[hash] = rows;
        },
      });
    },
  };

  const work = async () => {
    if (busy || !modules) return;
    busy = true;
    try {
      for (let next = queue.shift(); next && !ending; next = queue.shift()) {
        const { index, job } = next;
        current = index;
        primary = undefined;
        lastModule = undefined;
        const evaluated = handler.evaluate(job, context);
        // what the definitions left behind (a callback, a promise) runs now, while they are still the ones blamed
        await new Promise((resolve) => setImmediate(resolve));
        send({ type: 'evaluated', index });
        tables = {};
        const result = handler.run(job, evaluated, context);
        await sendWritten({ type: 'result', index, result, ...(Object.keys(tables).length > 0 ? { tables } : {}) });
      }
    } catch (error) {
      send({ type: 'error', error: errorOf(error) });
    } finally {
      busy = false;
    }
  };

  process.on('message', (message: ToWorker<J>) => {
    if (message.type === 'modules') {
      const { files, cacheDir, poisoned } = message;
      const transpiled = new Map(Object.entries(files).map(([file, place]) => [file, message.modules[place]!]));
      modules = new DefinitionModules({ transpiled, cacheDir, poisoned: new Map(Object.entries(poisoned)), onModule });
      send({ type: 'ready' });
    } else {
      queue.push(message);
    }
    void work();
  });

  /** A throw nothing caught ends the worker; the pipeline blames the job it was on, or itself. */
  const thrownLater = (error: unknown) => {
    let message: FromWorker;
    if (current === undefined) {
      message = { type: 'error', error: errorOf(error) };
    } else {
      ending = true;
      const location = modules?.locateError(error);
      message = { type: 'thrown-later', index: current, thrown: describeThrown(error), ...(location ? { location } : {}) };
    }
    void sendWritten(message).then(() => process.exit(70));
  };
  process.on('uncaughtException', thrownLater);
  process.on('unhandledRejection', thrownLater);
  // let go by the pipeline: whatever a definition left running (a timer, a server) must not keep it
  process.on('disconnect', () => process.exit(0));
}

function errorOf(error: unknown): { name: string; message: string; stack?: string } {
  const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
  return { name, message, ...(stack ? { stack } : {}) };
}
