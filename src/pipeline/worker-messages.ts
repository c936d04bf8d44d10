/** What the pipeline and its worker processes (./workers.ts, ./worker-process.ts) tell each other. */
import type { SourceLocation } from '../core/findings';
import type { TranspiledModule } from '../load/transpile';
import type { ClusterRequest } from './requests';
import type { ClusterResult } from './steps';

export type ToWorker =
  /** the code of every module transpiled ahead; the worker starts once it has it */
  | { type: 'modules'; transpiled: Map<string, TranspiledModule>; cacheDir?: string; poisoned: Map<string, string> }
  | { type: 'run'; index: number; request: ClusterRequest };

export type FromWorker =
  | { type: 'ready' }
  /** a definition's evaluation begins: its deadline runs from here */
  | { type: 'evaluating'; index: number }
  /** the innermost module being evaluated changed (absent: none is) */
  | { type: 'module'; file?: string }
  /** the evaluation is over, the steps follow */
  | { type: 'evaluated'; index: number }
  | { type: 'result'; index: number; result: ClusterResult }
  /** something the definition left behind threw after its evaluation; the worker ends */
  | { type: 'thrown-later'; index: number; thrown: string; location?: SourceLocation }
  /** calico-gen failed (a bug, not the definition's): the run stops */
  | { type: 'error'; error: { name: string; message: string; stack?: string } };
