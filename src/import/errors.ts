/**
 * What import cannot map, located in the values tree: file, key path and line, so that a person
 * can open the file and see the key. Import collects them all and fails once.
 */
import { UserError } from '../util/errors';

export interface ImportProblem {
  /** values file, as the user named it (relative to the working directory where possible) */
  file: string;
  /** dotted key path inside the file (`typha.resources.limits.cpu`) */
  keyPath: string;
  /** 1-based line of the key, when known */
  line?: number;
  message: string;
}

export function formatProblem(problem: ImportProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}: ${problem.keyPath || '(document)'}: ${problem.message}`;
}

/** Thrown once with every problem: the CLI prints the first line; `problems` holds all. */
export class ImportFailed extends UserError {
  constructor(readonly problems: readonly ImportProblem[]) {
    super(
      problems.length === 1
        ? `import: ${formatProblem(problems[0]!)}`
        : `import: ${problems.length} values cannot be mapped; the first: ${formatProblem(problems[0]!)}`,
    );
    this.name = 'ImportFailed';
  }
}

/** `a.b["c.d"][0]`: dots inside keys (label names) stay readable. */
export { formatValuePath as formatKeyPath } from '../util/value-paths';
