/**
 * What the pipeline and its worker processes (./workers.ts, ./worker-process.ts) tell each other,
 * as JSON: Node's structured serialization costs several times as much per message, and every
 * message here is JSON already (findings, facts, objects as cdk8s renders them).
 */
import type { RouterRow, StoredFacts } from '../cache/facts-codec';
import type { SourceLocation } from '../core/findings';
import type { TranspiledModule } from '../load/transpile';
import type { ClusterRequest } from './requests';
import type { ClusterResult } from './steps';

export type ToWorker =
  /** the code of every module transpiled ahead; the worker starts once it has it */
  | { type: 'modules'; transpiled: Record<string, TranspiledModule>; cacheDir?: string; poisoned: Record<string, string> }
  | { type: 'run'; index: number; request: ClusterRequest };

export type FromWorker =
  /** it has the modules: a cluster sent to it from now on is evaluated as soon as the one before is done */
  | { type: 'ready' }
  /** the innermost module being evaluated changed, when it is not the cluster's own file (absent: none is) */
  | { type: 'module'; file?: string }
  /** the evaluation is over, the steps follow: the deadline no longer runs */
  | { type: 'evaluated'; index: number }
  /** the facts travel as the cache stores them, each router table once per worker (`tables`: the new ones) */
  | { type: 'result'; index: number; result: SentResult; tables?: Record<string, RouterRow[]> }
  /** something the definition left behind threw after its evaluation; the worker ends */
  | { type: 'thrown-later'; index: number; thrown: string; location?: SourceLocation }
  /** calico-gen failed (a bug, not the definition's): the run stops */
  | { type: 'error'; error: { name: string; message: string; stack?: string } };

export type SentResult = Omit<ClusterResult, 'facts'> & { facts?: StoredFacts };
