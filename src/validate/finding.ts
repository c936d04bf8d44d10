import { compareStrings } from '../util/compare';

/** A validation finding, in the stable JSON shape of the CLI contract (docs/cli-contract.md). */
export type Severity = 'error' | 'warning' | 'info';

export interface SourceLocation {
  /** file path, relative to the working directory where possible */
  file: string;
  /** 1-based line and column, when known (values and manifest files) */
  line?: number;
  column?: number;
}

export interface Finding {
  /** stable kebab-case rule id, documented in the README */
  rule: string;
  severity: Severity;
  /** cluster name, or '' when the input is not a cluster (a hand-written manifest file) */
  cluster: string;
  /** `<Kind>/<name>` of the object, or a values key such as `values/IPPools` */
  object: string;
  /** JSON pointer inside the object (`/spec/cidr`) */
  path: string;
  /** what is wrong, the offending value, what is allowed and how to fix it */
  message: string;
  source?: SourceLocation;
}

export interface FindingsReport {
  findings: Finding[];
  summary: { errors: number; warnings: number };
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Deterministic order: cluster, object, path, rule, then message. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      compareStrings(a.cluster, b.cluster) ||
      compareStrings(a.object, b.object) ||
      compareStrings(a.path, b.path) ||
      severityRank[a.severity] - severityRank[b.severity] ||
      compareStrings(a.rule, b.rule) ||
      compareStrings(a.message, b.message),
  );
}

export function summarise(findings: readonly Finding[]): FindingsReport {
  const sorted = sortFindings(findings);
  return {
    findings: sorted,
    summary: {
      errors: sorted.filter((f) => f.severity === 'error').length,
      warnings: sorted.filter((f) => f.severity === 'warning').length,
    },
  };
}
