/**
 * Acknowledged findings: a definition's `acknowledge: [{ rule, object, reason, until }]` marks the
 * cluster's findings of that rule (and object) as known and tracked. They are still reported, but
 * do not count, until the day after `until`, when they count again and say so. Applied when a run
 * reports (never cached), so that a cached result honours today's date.
 */
import type { Check, DefinitionRef, Finding } from '../core/findings';
import { pointer } from '../core/findings';
import type { LocatedAcknowledgement } from '../resolve/resolve';
import { closest } from '../util/suggest';

export const acknowledgementUnused: Check = {
  id: 'acknowledgement-unused',
  severity: 'warning',
  description: 'An acknowledgement in a definition matches a finding of a cluster it applies to (its rule, and its object when it names one)',
};

/** One cluster's acknowledgements, lowest layer first. */
export interface ClusterAcknowledgements {
  cluster: string;
  definitionFile: string;
  entries: readonly LocatedAcknowledgement[];
}

/** Today's date in UTC, `YYYY-MM-DD`, as `until` is read. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * The findings of every cluster, acknowledged where a definition says so, plus a warning for each
 * acknowledgement that matches no finding in any cluster it applies to (one written in a shared
 * layer is used if any of its clusters has the finding). Returns the `reported` clusters' only.
 */
export function applyAcknowledgements(findings: readonly Finding[], acknowledgements: readonly ClusterAcknowledgements[], reported: ReadonlySet<string>, today: string): Finding[] {
  const byCluster = new Map(acknowledgements.map((a) => [a.cluster, a]));
  const used = new Set<string>();
  const result: Finding[] = [];
  for (const finding of findings) {
    const own = byCluster.get(finding.cluster);
    const matching = own ? own.entries.map((entry, index) => ({ entry, index })).filter(({ entry }) => matches(entry, finding)) : [];
    for (const { entry, index } of matching) used.add(identity(own!.cluster, index, entry.definedAt));
    if (reported.has(finding.cluster) || finding.cluster === '') result.push(matching.length > 0 ? acknowledged(finding, matching.map((m) => m.entry), today) : finding);
  }
  for (const own of acknowledgements) {
    if (!reported.has(own.cluster)) continue;
    own.entries.forEach((entry, index) => {
      if (!used.has(identity(own.cluster, index, entry.definedAt))) result.push(unused(own, entry, index));
    });
  }
  return result;
}

function matches(entry: LocatedAcknowledgement, finding: Finding): boolean {
  return entry.rule === finding.rule && (entry.object === undefined || entry.object === finding.object);
}

/** An acknowledgement in a shared layer is one, whichever cluster has it. */
function identity(cluster: string, index: number, definedAt: DefinitionRef | undefined): string {
  return definedAt ? JSON.stringify([definedAt.call.file, definedAt.call.line, definedAt.call.column, definedAt.argument, definedAt.keyPath]) : `${cluster}\0${index}`;
}

/** The acknowledgement that holds longest wins; when every one has passed, the finding counts again. */
function acknowledged(finding: Finding, entries: readonly LocatedAcknowledgement[], today: string): Finding {
  const current = entries.filter((entry) => entry.until === undefined || entry.until >= today);
  const note = (entry: LocatedAcknowledgement) => ({ reason: entry.reason, ...(entry.until ? { until: entry.until } : {}) });
  if (current.length > 0) {
    const longest = current.find((entry) => entry.until === undefined) ?? [...current].sort((a, b) => (a.until! < b.until! ? 1 : -1))[0]!;
    return { ...finding, acknowledged: note(longest) };
  }
  const latest = [...entries].sort((a, b) => (a.until! < b.until! ? 1 : -1))[0]!;
  return { ...finding, acknowledgementExpired: { reason: latest.reason, until: latest.until! } };
}

function unused(own: ClusterAcknowledgements, entry: LocatedAcknowledgement, index: number): Finding {
  const what = `${entry.rule}${entry.object ? ` on ${entry.object}` : ''}`;
  const finding: Finding = {
    rule: acknowledgementUnused.id,
    severity: acknowledgementUnused.severity,
    cluster: own.cluster,
    object: 'ClusterDefinition',
    path: pointer('acknowledge', index),
    message: `the acknowledgement of ${what} (${JSON.stringify(entry.reason)}) matches no finding${unknownRule(entry.rule)}: remove it if what it acknowledged is fixed, or correct its rule and object to the finding's`,
    source: { file: own.definitionFile },
  };
  return entry.definedAt ? { ...finding, definedAt: entry.definedAt } : finding;
}

/** `: no rule is named X (did you mean Y?)`, for a rule id no check has. */
function unknownRule(rule: string): string {
  // required here: a run whose acknowledgements are all used never loads the rules
  const ids = [...(require('./rule-ids') as typeof import('./rule-ids')).definitionRuleIds(), acknowledgementUnused.id];
  if (ids.includes(rule)) return '';
  const close = closest(rule, ids);
  return `; no rule is named ${rule}${close ? ` (did you mean ${close}?)` : ''}`;
}
