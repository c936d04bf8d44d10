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
  /** stable kebab-case rule id, documented in docs/rules.md */
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

/**
 * A check as the rules table lists it (docs/rules.md, generated): every finding's `rule` is the id
 * of one. Validation rules and diff refusals are checks with a body; the others are made where
 * their input is read (a schema, a YAML file, the live state).
 */
export interface Check {
  /** stable kebab-case id: never renamed once released */
  id: string;
  /** its findings' severity, unless a finding says otherwise */
  severity: Severity;
  /** the other severities its findings may take (a warning before an error) */
  alsoAs?: readonly Severity[];
  /** one line for the rules table */
  description: string;
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

/** JSON pointer (RFC 6901) from path segments, for a finding's path: pointer('spec', 'communities', 0, 'value'). */
export function pointer(...segments: ReadonlyArray<string | number>): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/**
 * One problem a check found (a validation rule, a diff refusal): where in the object and what,
 * and, when the check knows better than its caller, which object and cluster it is about.
 */
export interface Hit {
  /** JSON pointer inside the object (or inside the values document for values rules) */
  path: string;
  message: string;
  /** overrides the check's default severity (for example capacity: warning at 80 %, error at 100 %) */
  severity?: Severity;
  /** the object the hit is about (`IPPool/ipv4`), when not the one checked */
  object?: string;
  /** the cluster the hit is about, when not the one checked */
  cluster?: string;
  /** where the hit's field was written, when the check knows (fleet facts carry it) */
  source?: SourceLocation;
}

/** The one way a hit becomes a finding: the check's id and severity, about what the hit names or else `about`. */
export function findingOf(check: { id: string; severity: Severity }, hit: Hit, about: { cluster: string; object: string }): Finding {
  return {
    rule: check.id,
    severity: hit.severity ?? check.severity,
    cluster: hit.cluster ?? about.cluster,
    object: hit.object ?? about.object,
    path: hit.path,
    message: hit.message,
    ...(hit.source ? { source: hit.source } : {}),
  };
}
