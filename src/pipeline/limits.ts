/** The limits a definition is evaluated under: a module of its own, so that every command's flag table can name the defaults without loading the pipeline. */
export interface EvaluationLimits {
  /** how long one definition's evaluation may take */
  timeoutMs: number;
  /** the heap each worker process may use (V8's --max-old-space-size) */
  memoryMiB: number;
}

export const DEFAULT_LIMITS: EvaluationLimits = { timeoutMs: 10_000, memoryMiB: 2048 };
