/**
 * The load stage's findings: a definition that cannot be evaluated is an error finding of one
 * check, located at the line that failed (a throw, a failed import, a value that is not data) or
 * at the file (a definition stopped from outside: too slow, out of memory, ended its process), so
 * that every broken definition of a fleet is reported in one run, as one line each.
 */
import type { Check, Finding, SourceLocation } from '../core/findings';

export const definitionEvaluation: Check = {
  id: 'definition-evaluation',
  severity: 'error',
  description:
    'A cluster definition file evaluates: it parses, its imports resolve, it neither throws nor ends its process, it finishes within --definition-timeout and --definition-memory, and it exports `defineCluster(...)` of plain data',
};

export function evaluationFinding(cluster: string, message: string, source: SourceLocation): Finding {
  return { rule: definitionEvaluation.id, severity: definitionEvaluation.severity, cluster, object: 'ClusterDefinition', path: '', message, source };
}

/** A thrown value as a person reads it: `Error: no routers file`, `"a string"`. */
export function describeThrown(value: unknown): string {
  if (value instanceof Error || (typeof value === 'object' && value !== null && 'message' in value)) {
    const { name, message } = value as { name?: unknown; message?: unknown };
    return `${typeof name === 'string' ? name : 'Error'}: ${String(message)}`;
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** How the process evaluating a definition stopped, seen from outside it. */
export type Stop =
  | { kind: 'timeout'; seconds: number }
  | { kind: 'memory'; mebibytes: number }
  | { kind: 'exit'; code: number }
  | { kind: 'signal'; signal: string }
  | { kind: 'thrown-later'; thrown: string };

/** Why the definition stopped, what is allowed, and what to do; the same words for every cluster a shared module stops. */
export function stopMessage(stop: Stop): string {
  switch (stop.kind) {
    case 'timeout':
      return `evaluating the definition did not finish within ${stop.seconds} s, and was stopped: an endless loop? Make it finish, or allow it longer with --definition-timeout SECONDS`;
    case 'memory':
      return `evaluating the definition took more than the ${stop.mebibytes} MiB of memory allowed, and was stopped: an allocation without end? Make it smaller, or allow more with --definition-memory MIB`;
    case 'exit':
      return `the definition ended the process evaluating it (exit status ${stop.code}): a definition must not call process.exit; throw an Error to report a problem`;
    case 'signal':
      return `the process evaluating the definition stopped on ${stop.signal}${stop.signal === 'SIGABRT' ? ' (process.abort, or a crash in native code)' : ''}`;
    case 'thrown-later':
      return `the definition threw after its evaluation, from a callback or a promise it left behind: ${stop.thrown}; a definition must do all its work while it is evaluated`;
  }
}
