/** What every use case that evaluates definitions accepts. */
import type { EvaluationLimits } from '../pipeline/limits';

// the flag tables name the defaults: from the module that holds only them, not the whole pipeline
export { DEFAULT_LIMITS, type EvaluationLimits } from '../pipeline/limits';

export interface EvaluationOptions {
  /** how long one definition may take and how much memory the processes evaluating them may use (defaults: DEFAULT_LIMITS) */
  limits?: Partial<EvaluationLimits>;
  /** told, in one line, when a cache was not usable and is rebuilt */
  note?: (message: string) => void;
}
