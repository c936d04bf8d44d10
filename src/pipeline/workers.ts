/**
 * Worker processes: where definitions are evaluated and each cluster's steps run. A definition is
 * the fleet's code, so it runs in a process of its own, never in the one running the command:
 * an endless loop is stopped at its deadline, an allocation without end at the memory cap (V8's
 * own limit, which only a process can survive: a thread's heap limit can abort the whole process),
 * and `process.exit`, an abort or a crash end only the worker. Each becomes one finding on the
 * cluster the worker was on, located at the module it was evaluating, and a fresh worker goes on
 * with the rest, so every broken definition of a fleet is reported in one run. A module that
 * stopped a worker is not evaluated again in this run: the clusters importing it fail at once.
 *
 * The workers start while this process prepares the inputs; each is handed up to two clusters at a
 * time, so that it never waits for the next. One worker per core pays from about
 * MIN_ITEMS_FOR_HELPERS clusters on; below that a second one costs more to start than it saves.
 */
import { fork, type ChildProcess } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeFacts, type RouterRow } from '../cache/facts-codec';
import type { SourceLocation } from '../core/findings';
import { evaluationFinding, stopMessage, type Stop } from '../load/evaluation';
import { displayPath } from '../load/clusters';
import type { TranspiledModule } from '../load/transpile';
import type { ClusterRequest } from './requests';
import type { ClusterResult } from './steps';
import type { FromWorker, ToWorker } from './worker-messages';

export interface EvaluationLimits {
  /** how long one definition's evaluation may take */
  timeoutMs: number;
  /** the heap each worker process may use (V8's --max-old-space-size) */
  memoryMiB: number;
}

export const DEFAULT_LIMITS: EvaluationLimits = { timeoutMs: 10_000, memoryMiB: 2048 };

/** From this many clusters on, one worker per core (docs/speed.md has the figures). */
export const MIN_ITEMS_FOR_HELPERS = 300;

/**
 * Worker processes for this many clusters: `threads` (default CALICO_GEN_THREADS) when given,
 * otherwise one per core up to 8 from MIN_ITEMS_FOR_HELPERS clusters on, else one.
 */
export function workerCount(items: number, threads: number = Number(process.env.CALICO_GEN_THREADS)): number {
  if (Number.isInteger(threads) && threads > 0) return Math.max(1, Math.min(threads, items));
  if (items < MIN_ITEMS_FOR_HELPERS) return 1;
  return Math.min(os.availableParallelism(), 8, items);
}

export interface WorkerRun {
  requests: readonly ClusterRequest[];
  workers: number;
  limits: EvaluationLimits;
  /** the transpiled modules; the workers wait for them */
  modules: Promise<{ transpiled: Map<string, TranspiledModule>; cacheDir?: string }>;
  /** where what the definitions print goes (never stdout, which carries reports) */
  output: (text: string) => void;
}

const script = path.join(__dirname, 'worker-process.js');
/** the most clusters a worker holds: the one it works on and the next */
const QUEUE = 2;

interface Worker {
  child: ChildProcess;
  ready: boolean;
  /** the clusters sent to it, in order; the first is the one it works on */
  queue: number[];
  /** 'evaluating' from when its first cluster may begin (it is ready and has it), until it says it evaluated it */
  phase: 'evaluating' | 'steps';
  /** when the phase began */
  since: number;
  /** the innermost module it is evaluating */
  module?: string;
  /** why it was stopped from here */
  stop?: Stop;
  /** it reported a throw after an evaluation, and ends: its end is no other cluster's fault */
  ending?: true;
  /** what the definitions printed, passed on once their cluster is done */
  output: string;
}

export function runInWorkers(run: WorkerRun): Promise<ClusterResult[]> {
  return new Promise((resolve, reject) => new WorkerPool(run, resolve, reject).start());
}

class WorkerPool {
  private readonly results: (ClusterResult | undefined)[];
  private readonly pending: number[];
  private readonly workers = new Set<Worker>();
  private readonly poisoned = new Map<string, string>();
  private readonly routerTables = new Map<string, RouterRow[]>();
  private payload: { transpiled: Map<string, TranspiledModule>; cacheDir?: string } | undefined;
  private watchdog: NodeJS.Timeout | undefined;
  private done = false;
  private remaining: number;

  constructor(
    private readonly run: WorkerRun,
    private readonly resolve: (results: ClusterResult[]) => void,
    private readonly reject: (error: Error) => void,
  ) {
    this.results = run.requests.map(() => undefined);
    this.pending = run.requests.map((_, index) => index);
    this.remaining = run.requests.length;
  }

  start(): void {
    if (this.remaining === 0) return this.finish();
    for (let i = 0; i < this.run.workers; i++) this.spawn();
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

  private spawn(): void {
    // a debugger flag would make every worker fight for the same port
    const inherited = process.execArgv.filter((flag) => !flag.startsWith('--inspect'));
    const child = fork(script, [], {
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
    const { transpiled, cacheDir } = this.payload!;
    this.send(worker, { type: 'modules', transpiled: Object.fromEntries(transpiled), ...(cacheDir ? { cacheDir } : {}), poisoned: Object.fromEntries(this.poisoned) });
  }

  private send(worker: Worker, message: ToWorker): void {
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
        break;
      case 'evaluated':
        this.enterPhase(worker, 'steps');
        break;
      case 'result':
        worker.queue.shift();
        worker.module = undefined;
        this.settle(message.index, this.received(message));
        this.passOutput(worker);
        // it goes on with the next cluster it holds at once
        this.enterPhase(worker, 'evaluating');
        this.dispatch(worker);
        break;
      case 'thrown-later':
        worker.ending = true;
        this.settle(message.index, this.failed(message.index, stopMessage({ kind: 'thrown-later', thrown: message.thrown }), message.location));
        break;
      case 'error':
        this.fail(Object.assign(new Error(message.error.message), message.error));
        break;
    }
  }

  private enterPhase(worker: Worker, phase: Worker['phase']): void {
    worker.phase = phase;
    worker.since = Date.now();
  }

  private dispatch(worker: Worker): void {
    while (worker.ready && !worker.ending && worker.queue.length < QUEUE && this.pending.length > 0) {
      const index = this.pending.shift()!;
      if (worker.queue.length === 0) this.enterPhase(worker, 'evaluating');
      worker.queue.push(index);
      this.send(worker, { type: 'run', index, request: this.run.requests[index]! });
    }
  }

  /** A definition past its deadline is stopped with its worker. */
  private checkDeadlines(): void {
    const now = Date.now();
    for (const worker of this.workers) {
      if (!worker.ready || worker.queue.length === 0 || worker.stop || worker.phase === 'steps') continue;
      if (now - worker.since > this.run.limits.timeoutMs) {
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
    const [head, ...rest] = worker.queue;
    if (head !== undefined && this.results[head] === undefined && (worker.stop || !worker.ending)) {
      const message = stopMessage(worker.stop ?? stopOf(code, signal, worker.output, this.run.limits));
      const module = worker.module;
      // a shared module that stopped one cluster would stop each that imports it, once per deadline
      if (module) this.poisoned.set(module, message);
      this.settle(head, this.failed(head, message, module ? { file: displayPath(module) } : undefined));
    }
    this.pending.unshift(...[head, ...rest].filter((index) => index !== undefined && this.results[index] === undefined));
    this.passOutput(worker, true);
    while (this.workers.size < this.run.workers && this.pending.length > 0) this.spawn();
  }

  /** A result as the steps made it: the facts decoded with the router tables the worker sent (shared by every cluster that has one). */
  private received(message: Extract<FromWorker, { type: 'result' }>): ClusterResult {
    for (const [hash, rows] of Object.entries(message.tables ?? {})) this.routerTables.set(hash, rows);
    const { facts, ...rest } = message.result;
    if (!facts) return rest;
    const decoded = decodeFacts(facts, rest.definitionFile, { read: (hash) => this.routerTables.get(hash), write: () => undefined });
    if (!decoded) throw new Error(`cluster ${rest.cluster}: its router table never arrived`);
    return { ...rest, facts: decoded };
  }

  private failed(index: number, message: string, location: SourceLocation | undefined): ClusterResult {
    const { name, file } = this.run.requests[index]!;
    const definitionFile = displayPath(file);
    return { cluster: name, definitionFile, dependencies: [], findings: [evaluationFinding(name, message, location ?? { file: definitionFile })] };
  }

  private settle(index: number, result: ClusterResult): void {
    if (this.results[index] !== undefined) return;
    this.results[index] = result;
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
    this.resolve(this.results as ClusterResult[]);
  }

  /** Idle workers are let go (they end on their own, writing a CPU profile when asked for one); busy ones are killed. */
  private stopAll(): void {
    this.done = true;
    if (this.watchdog) clearInterval(this.watchdog);
    for (const worker of this.workers) {
      if (worker.queue.length === 0 && worker.child.connected) worker.child.disconnect();
      else worker.child.kill('SIGKILL');
    }
  }
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
