/**
 * Worker processes: where definitions are evaluated, and the work on them done. A definition is
 * the fleet's code, so it runs in a process of its own, never in the one running the command:
 * an endless loop is stopped at its deadline, an allocation without end at the memory cap (V8's
 * own limit, which only a process can survive: a thread's heap limit can abort the whole process),
 * and `process.exit`, an abort or a crash end only the worker. Each becomes one finding, located
 * at the module being evaluated, and a fresh worker goes on with the rest, so every broken
 * definition of a fleet is reported in one run. A module that stopped a worker is not evaluated
 * again in this run: the definitions importing it fail at once.
 *
 * The pool runs jobs of any kind (a pipeline cluster, a reviewed cluster): its caller says what a
 * job's result is, and what a job that stopped its worker becomes. The workers start while this
 * process prepares the inputs (the modules, and the jobs themselves when the caller gives a
 * promise of them); each is handed up to two jobs at a time, so that it never waits for
 * the next. One worker per core pays from about MIN_ITEMS_FOR_HELPERS jobs on; below that a second
 * one costs more to start than it saves.
 */
import { fork, type ChildProcess } from 'node:child_process';
import * as os from 'node:os';
import { decodeFacts, type RouterRow, type StoredFacts } from '../cache/facts-codec';
import type { SourceLocation } from '../core/findings';
import { displayPath } from '../load/clusters';
import { stopMessage, type Stop } from '../load/evaluation';
import type { TranspiledModule } from '../load/transpile';
import type { FleetFacts } from '../validate/rules/fleet/facts';
import type { FromWorker, ToWorker } from './worker-messages';

import type { EvaluationLimits } from './limits';

export { DEFAULT_LIMITS, type EvaluationLimits } from './limits';

/** From this many jobs on, one worker per core (docs/speed.md has the figures). */
export const MIN_ITEMS_FOR_HELPERS = 300;

/**
 * Worker processes for this many jobs: `workers` (default CALICO_GEN_WORKERS, or its older name
 * CALICO_GEN_THREADS from when they were threads) when given, otherwise one per core up to 8 from
 * MIN_ITEMS_FOR_HELPERS jobs on, else one.
 */
export function workerCount(items: number, workers: number = Number(process.env.CALICO_GEN_WORKERS ?? process.env.CALICO_GEN_THREADS)): number {
  if (Number.isInteger(workers) && workers > 0) return Math.max(1, Math.min(workers, items));
  if (items < MIN_ITEMS_FOR_HELPERS) return 1;
  return Math.min(os.availableParallelism(), 8, items);
}

export interface ModulesPayload {
  transpiled: Map<string, TranspiledModule>;
  cacheDir?: string;
}

/** Facts as they travel back to plain facts, with the router tables the workers sent. */
export type FactsDecoder = (stored: StoredFacts, definitionFile: string) => FleetFacts;

/** Why a job's worker stopped: what to say, where, and which of the job's definitions it was evaluating (undefined: its first). */
export interface JobStop {
  message: string;
  location?: SourceLocation;
  definition?: string;
}

export interface WorkerRun<J, R> {
  /** the worker's script (it calls serveJobs, ./worker-host.ts) */
  script: string;
  /** the jobs, or their promise: the workers start meanwhile, and wait for them */
  jobs: readonly J[] | Promise<readonly J[]>;
  workers: number;
  limits: EvaluationLimits;
  /** the transpiled modules; the workers wait for them */
  modules: Promise<ModulesPayload>;
  /** where what the definitions print goes (never stdout, which carries reports) */
  output: (text: string) => void;
  /** how many definitions a job evaluates: its deadline is that many times the limit */
  evaluations(job: J): number;
  /** every definition file a job may evaluate, to tell which one a stopped worker was on */
  definitions(job: J): readonly string[];
  /** a job's result as its worker sent it */
  received(job: J, result: unknown, decode: FactsDecoder): R;
  /** a job whose worker stopped: its result, or the job to run again without what stopped it */
  stopped(job: J, stop: JobStop): { result: R } | { retry: J };
  /** hears of each job done (a progress line) */
  settled?: () => void;
}

/** the most jobs a worker holds: the one it works on and the next */
const QUEUE = 2;

interface Worker {
  child: ChildProcess;
  ready: boolean;
  /** the jobs sent to it, in order; the first is the one it works on */
  queue: number[];
  /** 'evaluating' from when its first job may begin (it is ready and has it), until it says it evaluated it */
  phase: 'evaluating' | 'steps';
  /** when the phase began */
  since: number;
  /** the innermost module it is evaluating, when not the job's first definition */
  module?: string;
  /** the last of the job's definitions it began evaluating, after its first */
  definition?: string;
  /** why it was stopped from here */
  stop?: Stop;
  /** it reported a throw after an evaluation, and ends: its end is no other job's fault */
  ending?: true;
  /** what the definitions printed, passed on once their job is done */
  output: string;
}

export function runInWorkers<J, R>(run: WorkerRun<J, R>): Promise<R[]> {
  return new Promise((resolve, reject) => new WorkerPool(run, resolve, reject).start());
}

class WorkerPool<J, R> {
  private jobs: J[] = [];
  private results: (R | undefined)[] = [];
  private pending: number[] = [];
  private readonly workers = new Set<Worker>();
  private readonly poisoned = new Map<string, string>();
  private readonly routerTables = new Map<string, RouterRow[]>();
  private payload: ModulesPayload | undefined;
  private distinct: DistinctModules | undefined;
  private watchdog: NodeJS.Timeout | undefined;
  private done = false;
  private remaining = 0;

  constructor(
    private readonly run: WorkerRun<J, R>,
    private readonly resolve: (results: R[]) => void,
    private readonly reject: (error: Error) => void,
  ) {}

  start(): void {
    const { jobs } = this.run;
    if (Array.isArray(jobs) && jobs.length === 0) return this.finish();
    for (let i = 0; i < this.run.workers; i++) this.spawn();
    Promise.resolve(jobs).then(
      (known) => this.take(known),
      (error: Error) => this.fail(error),
    );
    this.run.modules.then(
      (payload) => {
        this.payload = payload;
        for (const worker of this.workers) this.sendModules(worker);
      },
      (error: Error) => this.fail(error),
    );
    const interval = Math.max(20, Math.min(250, this.run.limits.timeoutMs / 10));
    this.watchdog = setInterval(() => this.checkDeadlines(), interval);
  }

  private take(jobs: readonly J[]): void {
    if (this.done) return;
    this.jobs = [...jobs];
    this.results = jobs.map(() => undefined);
    this.pending = jobs.map((_, index) => index);
    this.remaining = jobs.length;
    if (this.remaining === 0) return this.finish();
    for (const worker of this.workers) this.dispatch(worker);
  }

  private spawn(): void {
    // a debugger flag would make every worker fight for the same port
    const inherited = process.execArgv.filter((flag) => !flag.startsWith('--inspect'));
    const child = fork(this.run.script, [], {
      execArgv: [...inherited, `--max-old-space-size=${this.run.limits.memoryMiB}`],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'json',
    });
    const worker: Worker = { child, ready: false, queue: [], phase: 'evaluating', since: Date.now(), output: '' };
    this.workers.add(worker);
    const collect = (chunk: Buffer) => void (worker.output += chunk.toString('utf8'));
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.on('message', (message: FromWorker) => this.onMessage(worker, message));
    child.on('error', (error) => this.fail(error));
    child.on('exit', (code, signal) => this.onExit(worker, code, signal));
    if (this.payload) this.sendModules(worker);
  }

  private sendModules(worker: Worker): void {
    const { cacheDir } = this.payload!;
    this.distinct ??= distinctModules(this.payload!.transpiled);
    this.send(worker, { type: 'modules', ...this.distinct, ...(cacheDir ? { cacheDir } : {}), poisoned: Object.fromEntries(this.poisoned) });
  }

  private send(worker: Worker, message: ToWorker<J>): void {
    if (worker.child.connected) worker.child.send(message);
  }

  private onMessage(worker: Worker, message: FromWorker): void {
    if (this.done) return;
    switch (message.type) {
      case 'ready':
        worker.ready = true;
        this.enterPhase(worker, 'evaluating');
        this.dispatch(worker);
        break;
      case 'module':
        worker.module = message.file;
        if (message.file && this.run.definitions(this.jobs[worker.queue[0]!]!).includes(message.file)) worker.definition = message.file;
        break;
      case 'evaluated':
        this.enterPhase(worker, 'steps');
        break;
      case 'result':
        worker.queue.shift();
        for (const [hash, rows] of Object.entries(message.tables ?? {})) this.routerTables.set(hash, rows);
        this.settle(message.index, this.run.received(this.jobs[message.index]!, message.result, this.decode));
        this.passOutput(worker);
        // it goes on with the next job it holds at once
        this.enterPhase(worker, 'evaluating');
        this.dispatch(worker);
        break;
      case 'thrown-later':
        worker.ending = true;
        this.stopped(message.index, { message: stopMessage({ kind: 'thrown-later', thrown: message.thrown }), ...(message.location ? { location: message.location } : {}) });
        break;
      case 'error':
        this.fail(Object.assign(new Error(message.error.message), message.error));
        break;
    }
  }

  private readonly decode: FactsDecoder = (stored, definitionFile) => {
    const decoded = decodeFacts(stored, definitionFile, { read: (hash) => this.routerTables.get(hash), write: () => undefined });
    if (!decoded) throw new Error(`${definitionFile}: its router table never arrived`);
    return decoded;
  };

  private enterPhase(worker: Worker, phase: Worker['phase']): void {
    worker.phase = phase;
    worker.since = Date.now();
    worker.module = undefined;
    worker.definition = undefined;
  }

  private dispatch(worker: Worker): void {
    while (worker.ready && !worker.ending && worker.queue.length < QUEUE && this.pending.length > 0) {
      const index = this.pending.shift()!;
      if (worker.queue.length === 0) this.enterPhase(worker, 'evaluating');
      worker.queue.push(index);
      this.send(worker, { type: 'run', index, job: this.jobs[index]! });
    }
  }

  /** A job past its deadline is stopped with its worker. */
  private checkDeadlines(): void {
    const now = Date.now();
    for (const worker of this.workers) {
      if (!worker.ready || worker.queue.length === 0 || worker.stop || worker.phase === 'steps') continue;
      if (now - worker.since > this.run.limits.timeoutMs * this.run.evaluations(this.jobs[worker.queue[0]!]!)) {
        worker.stop = { kind: 'timeout', seconds: this.run.limits.timeoutMs / 1000 };
        worker.child.kill('SIGKILL');
      }
    }
  }

  private onExit(worker: Worker, code: number | null, signal: NodeJS.Signals | null): void {
    this.workers.delete(worker);
    if (this.done) return;
    if (!worker.ready) {
      this.fail(new Error(`a worker process ended before it started (${signal ?? `exit status ${code}`}): ${firstLines(worker.output)}`));
      return;
    }
    const [head] = worker.queue;
    if (head !== undefined && this.results[head] === undefined && (worker.stop || !worker.ending)) {
      const message = stopMessage(worker.stop ?? stopOf(code, signal, worker.output, this.run.limits));
      // a shared module that stopped one definition would stop each that imports it, once per deadline
      if (worker.module) this.poisoned.set(worker.module, message);
      this.stopped(head, { message, ...(worker.module ? { location: { file: displayPath(worker.module) } } : {}), ...(worker.definition ? { definition: worker.definition } : {}) });
    }
    this.pending.unshift(...worker.queue.filter((index) => this.results[index] === undefined && !this.pending.includes(index)));
    this.passOutput(worker, true);
    while (this.workers.size < this.run.workers && this.pending.length > 0) this.spawn();
  }

  /** A job that stopped its worker: settled, or put first in line again without what stopped it. */
  private stopped(index: number, stop: JobStop): void {
    if (this.results[index] !== undefined) return;
    const outcome = this.run.stopped(this.jobs[index]!, stop);
    if ('result' in outcome) return this.settle(index, outcome.result);
    this.jobs[index] = outcome.retry;
    this.pending.unshift(index);
  }

  private settle(index: number, result: R): void {
    if (this.results[index] !== undefined) return;
    this.results[index] = result;
    this.run.settled?.();
    if (--this.remaining === 0) this.finish();
  }

  /** What the definitions printed; from a worker that died, only what came before the runtime's crash report. */
  private passOutput(worker: Worker, died = false): void {
    let text = worker.output;
    worker.output = '';
    if (died) text = text.slice(0, crashReport(text));
    if (text.trim()) this.run.output(text.endsWith('\n') ? text : `${text}\n`);
  }

  private fail(error: Error): void {
    if (this.done) return;
    this.stopAll();
    this.reject(error);
  }

  private finish(): void {
    this.stopAll();
    this.resolve(this.results as R[]);
  }

  /**
   * Idle workers are let go (they end on their own, writing a CPU profile when asked for one); busy
   * ones, and those still starting (started ahead of jobs that turned out fewer), are killed.
   */
  private stopAll(): void {
    this.done = true;
    if (this.watchdog) clearInterval(this.watchdog);
    for (const worker of this.workers) {
      if (worker.ready && worker.queue.length === 0 && worker.child.connected) worker.child.disconnect();
      else worker.child.kill('SIGKILL');
    }
  }
}

interface DistinctModules {
  modules: TranspiledModule[];
  files: Record<string, number>;
}

/** Each distinct transpiled module once, and each file's place among them: what a worker is sent. */
function distinctModules(transpiled: ReadonlyMap<string, TranspiledModule>): DistinctModules {
  const modules: TranspiledModule[] = [];
  const places = new Map<string, number>();
  const files: Record<string, number> = {};
  for (const [file, module] of transpiled) {
    const key = `${module.sourceHash}\0${module.code ?? ''}\0${JSON.stringify(module.error ?? null)}`;
    let place = places.get(key);
    if (place === undefined) {
      place = modules.push(module) - 1;
      places.set(key, place);
    }
    files[file] = place;
  }
  return { modules, files };
}

/** How a worker ended that was not stopped from here. */
function stopOf(code: number | null, signal: NodeJS.Signals | null, output: string, limits: EvaluationLimits): Stop {
  if (/JavaScript heap out of memory|Reached heap limit|Allocation failed/.test(output)) return { kind: 'memory', mebibytes: limits.memoryMiB };
  if (signal) return { kind: 'signal', signal };
  return { kind: 'exit', code: code ?? 0 };
}

/** Where V8's or Node's report of a fatal error begins in a worker's output (its length when there is none). */
function crashReport(text: string): number {
  const at = text.search(/^(<--- Last few GCs --->|FATAL ERROR:|----- Native stack trace -----|.*node\[\d+\]: )/m);
  return at < 0 ? text.length : at;
}

function firstLines(text: string): string {
  return text.trim().split('\n').slice(0, 3).join(' / ') || 'no output';
}
