/**
 * What the pipeline and its worker processes (./workers.ts, ./worker-process.ts) tell each other,
 * as JSON: Node's structured serialization costs several times as much per message, and every
 * message here is JSON already (findings, facts, objects as cdk8s renders them).
 */
import type { RouterRow, StoredFacts } from '../cache/facts-codec';
import type { SourceLocation } from '../core/findings';
import type { TranspiledModule } from '../load/transpile';
import type { ClusterResult } from './steps';

export type ToWorker<J = unknown> =
  /**
   * the code of every module transpiled ahead, each distinct one once (a revision's copy, in
   * review, has the same code under another path), with the place of each file's; the worker
   * starts once it has them
   */
  | { type: 'modules'; modules: TranspiledModule[]; files: Record<string, number>; cacheDir?: string; poisoned: Record<string, string> }
  | { type: 'run'; index: number; job: J };

export type FromWorker =
  /** it has the modules: a job sent to it from now on begins as soon as the one before is done */
  | { type: 'ready' }
  /** the innermost module being evaluated changed, when it is not the job's first definition (absent: none is) */
  | { type: 'module'; file?: string }
  /** the job's evaluation is over, the work on the data follows: the deadline no longer runs */
  | { type: 'evaluated'; index: number }
  /** the job's result, its facts as the cache stores them; `tables`: router tables not sent before */
  | { type: 'result'; index: number; result: unknown; tables?: Record<string, RouterRow[]> }
  /** something a definition left behind threw after its evaluation; the worker ends */
  | { type: 'thrown-later'; index: number; thrown: string; location?: SourceLocation }
  /** calico-gen failed (a bug, not the definition's): the run stops */
  | { type: 'error'; error: { name: string; message: string; stack?: string } };

/** A pipeline job's result as it travels. */
export type SentResult = Omit<ClusterResult, 'facts'> & { facts?: StoredFacts };
