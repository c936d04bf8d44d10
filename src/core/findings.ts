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

/** Where a define function (`defineCluster`, `defineLayer`, `defineRouter`) was called, in the TypeScript source. */
export interface CallSite {
  /** the definition module (absolute, or relative to the working directory) */
  file: string;
  /** 1-based */
  line: number;
  column: number;
}

/**
 * A value of a definition: the define call that holds it, which of the call's arguments, and the
 * keys down to the value. Cheap to make and plain data (it is cached with fleet facts); its line
 * and column are looked up, by parsing the module, only for a finding that is reported.
 */
export interface DefinitionRef {
  call: CallSite;
  /** the argument holding the value (a layer of `defineCluster`; 0 for the others); absent: the call itself */
  argument?: number;
  /** keys from that argument down to the value (`['ipPools', 'ipv4', 'blockSize']`) */
  keyPath: (string | number)[];
}

/** A finding acknowledged by a definition (`acknowledge: [{ rule, object, reason, until }]`). */
export interface AcknowledgementNote {
  reason: string;
  /** `YYYY-MM-DD`, the last day it holds */
  until?: string;
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
  /**
   * Where in a definition the value was written, until the pipeline turns it into `source`'s line
   * and column (never in a report).
   */
  definedAt?: DefinitionRef;
  /** a definition acknowledges it: it does not fail the run */
  acknowledged?: AcknowledgementNote;
  /** a definition acknowledged it until a day that has passed: it counts again */
  acknowledgementExpired?: AcknowledgementNote & { until: string };
}

/**
 * A finding as reported: one per cause. Several clusters that share one cause (a value written
 * once in a shared module or values file) share one finding, which names them in `clusters`
 * (sorted) instead of `cluster`.
 */
export type ReportedFinding = Omit<Finding, 'cluster' | 'definedAt'> & ({ cluster: string; clusters?: never } | { cluster?: never; clusters: string[] });

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
  findings: ReportedFinding[];
  /** errors and warnings that count (not acknowledged); acknowledged findings of any severity */
  summary: { errors: number; warnings: number; acknowledged: number };
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The first cluster a finding names, for sorting. */
const clusterOf = (f: Finding | ReportedFinding): string => f.cluster ?? f.clusters?.[0] ?? '';

/** Deterministic order: cluster, object, path, rule, then message. */
export function sortFindings<F extends Finding | ReportedFinding>(findings: readonly F[]): F[] {
  return [...findings].sort(
    (a, b) =>
      compareStrings(clusterOf(a), clusterOf(b)) ||
      compareStrings(a.object, b.object) ||
      compareStrings(a.path, b.path) ||
      severityRank[a.severity] - severityRank[b.severity] ||
      compareStrings(a.rule, b.rule) ||
      compareStrings(a.message, b.message) ||
      compareStrings(a.source?.file ?? '', b.source?.file ?? '') ||
      (a.source?.line ?? 0) - (b.source?.line ?? 0) ||
      (a.source?.column ?? 0) - (b.source?.column ?? 0),
  );
}

/** A finding that counts: an error or warning not acknowledged. */
export function counts(finding: Pick<Finding, 'acknowledged'>): boolean {
  return finding.acknowledged === undefined;
}

/**
 * The report: findings that share one cause (all but the cluster agree, and they name a source)
 * become one finding naming every cluster, sorted; counted once.
 */
export function summarise(findings: readonly Finding[]): FindingsReport {
  const sorted = sortFindings(groupByCause(findings));
  return {
    findings: sorted,
    summary: {
      errors: sorted.filter((f) => f.severity === 'error' && counts(f)).length,
      warnings: sorted.filter((f) => f.severity === 'warning' && counts(f)).length,
      acknowledged: sorted.filter((f) => !counts(f)).length,
    },
  };
}

/** All a finding says but its cluster. */
function causeKey(f: Finding | Omit<Finding, 'definedAt'>): string {
  const where = f.source ? [f.source.file, f.source.line, f.source.column] : [];
  const note = (n: AcknowledgementNote | undefined) => (n ? [n.reason, n.until] : null);
  return JSON.stringify([f.rule, f.severity, f.object, f.path, f.message, where, note(f.acknowledged), note(f.acknowledgementExpired)]);
}

function groupByCause(findings: readonly Finding[]): ReportedFinding[] {
  const groups = new Map<string, Finding[]>();
  const alone: ReportedFinding[] = [];
  for (const finding of findings) {
    const { definedAt: _internal, ...reported } = finding;
    if (!finding.source || finding.cluster === '') {
      alone.push(reported);
      continue;
    }
    const key = causeKey(reported);
    const group = groups.get(key);
    if (group) group.push(reported);
    else groups.set(key, [reported]);
  }
  const grouped = [...groups.values()].map((group): ReportedFinding => {
    const clusters = [...new Set(group.map((f) => f.cluster))].sort(compareStrings);
    if (clusters.length === 1) return group[0]!;
    const { rule, severity, cluster: _cluster, ...cause } = group[0]!;
    return { rule, severity, clusters, ...cause };
  });
  return [...alone, ...grouped];
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
  /** where in a definition it was written, when the check knows (fleet facts carry it) */
  definedAt?: DefinitionRef;
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
    ...(hit.definedAt ? { definedAt: hit.definedAt } : {}),
  };
}
