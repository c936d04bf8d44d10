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
  const host = new JobHost(handler);
  process.on('message', (message: ToWorker<J>) => host.receive(message));
  process.on('uncaughtException', (error) => host.thrownLater(error));
  process.on('unhandledRejection', (error) => host.thrownLater(error));
  // let go by the pipeline: whatever a definition left running (a timer, a server) must not keep it
  process.on('disconnect', () => process.exit(0));
}

const send = (message: FromWorker) => process.send!(message);

/** Resolves once the message is written: a definition that never ends must not hold back the result before it. */
const sendWritten = (message: FromWorker) => new Promise<void>((resolve) => process.send!(message, undefined, {}, () => resolve()));

class JobHost<J, E> {
  private readonly queue: { index: number; job: J }[] = [];
  private modules: DefinitionModules | undefined;
  private current: number | undefined;
  /** the first definition the current job evaluates: 'module' messages do not repeat it */
  private primary: string | undefined;
  private busy = false;
  /** a throw after an evaluation was reported: this worker takes no further job */
  private ending = false;
  private lastModule: string | undefined;
  private tables: Record<string, RouterRow[]> = {};
  private readonly sentTables = new Set<string>();
  private readonly context: JobContext = {
    evaluate: (name, file) => {
      this.primary ??= file;
      return evaluateCluster(name, file, this.modules!);
    },
    encode: (facts, definitionFile) =>
      encodeFacts(facts, definitionFile, {
        read: () => undefined,
        write: (hash, rows) => {
          if (this.sentTables.has(hash)) return;
          this.sentTables.add(hash);
          this.tables[hash] = rows;
        },
      }),
  };

  constructor(private readonly handler: JobHandler<J, E>) {}

  receive(message: ToWorker<J>): void {
    if (message.type === 'modules') {
      const { files, cacheDir, poisoned } = message;
      const transpiled = new Map(Object.entries(files).map(([file, place]) => [file, message.modules[place]!]));
      this.modules = new DefinitionModules({ transpiled, cacheDir, poisoned: new Map(Object.entries(poisoned)), onModule: (module) => this.onModule(module) });
      send({ type: 'ready' });
    } else {
      this.queue.push(message);
    }
    void this.work();
  }

  /** The job's evaluation is over when nothing is evaluated any more: 'evaluated' follows, and says so. */
  private onModule(module: string | undefined): void {
    if (module === undefined) return;
    const file = module === this.primary ? undefined : module;
    if (file === this.lastModule) return;
    this.lastModule = file;
    send({ type: 'module', ...(file ? { file } : {}) });
  }

  private async work(): Promise<void> {
    if (this.busy || !this.modules) return;
    this.busy = true;
    try {
      for (let next = this.queue.shift(); next && !this.ending; next = this.queue.shift()) await this.runJob(next.index, next.job);
    } catch (error) {
      send({ type: 'error', error: errorOf(error) });
    } finally {
      this.busy = false;
    }
  }

  private async runJob(index: number, job: J): Promise<void> {
    this.current = index;
    this.primary = undefined;
    this.lastModule = undefined;
    const evaluated = this.handler.evaluate(job, this.context);
    // what the definitions left behind (a callback, a promise) runs now, while they are still the ones blamed
    await new Promise((resolve) => setImmediate(resolve));
    send({ type: 'evaluated', index });
    this.tables = {};
    const result = this.handler.run(job, evaluated, this.context);
    const tables = this.tables;
    await sendWritten({ type: 'result', index, result, ...(Object.keys(tables).length > 0 ? { tables } : {}) });
  }

  /** A throw nothing caught ends the worker; the pipeline blames the job it was on, or itself. */
  thrownLater(error: unknown): void {
    let message: FromWorker;
    if (this.current === undefined) {
      message = { type: 'error', error: errorOf(error) };
    } else {
      this.ending = true;
      const location = this.modules?.locateError(error);
      message = { type: 'thrown-later', index: this.current, thrown: describeThrown(error), ...(location ? { location } : {}) };
    }
    void sendWritten(message).then(() => process.exit(70));
  }
}

function errorOf(error: unknown): { name: string; message: string; stack?: string } {
  const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
  return { name, message, ...(stack ? { stack } : {}) };
}
