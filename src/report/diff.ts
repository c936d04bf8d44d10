/**
 * `calico-gen diff` output: text for a terminal (coloured on a TTY unless NO_COLOR), JSON for
 * programs (the stable shape below), Markdown for a merge-request comment.
 *
 * JSON, one cluster:
 *   {"cluster","changes":[{"action","kind","name","namespace","managed","diff"}],
 *    "values":{"changed","diff"},"summary":{"create","update","delete","unchanged"},"findings":[Finding]}
 * several clusters (--all): an array of those, a cluster that could not be read as {"cluster","error"}.
 */
import type { Finding } from '../core/findings';
import { hasChanges, unmanagedDeletes, type ClusterDiff, type ClusterOutcome, type ObjectChange } from '../diff/types';
import { colourDiff, painter, severityStyle, type Paint } from './colour';

export { wantsColour } from './colour';

export type DiffFormat = 'text' | 'json' | 'markdown';

export interface FormatOptions {
  format: DiffFormat;
  colour: boolean;
  /** one cluster asked for by name: JSON is then an object rather than an array */
  single: boolean;
}

export function formatDiffs(outcomes: readonly ClusterOutcome[], options: FormatOptions): string {
  switch (options.format) {
    case 'json':
      return jsonReport(outcomes, options.single);
    case 'markdown':
      return outcomes.map(markdownCluster).join('\n');
    default:
      return outcomes.map((outcome) => textCluster(outcome, painter(options.colour))).join('\n');
  }
}

// ---- the plan line -------------------------------------------------------------------------

export function planLine(diff: ClusterDiff): string {
  const { create, update, delete: remove, unchanged } = diff.summary;
  const errors = diff.findings.filter((f) => f.severity === 'error').length;
  const parts = [
    `${create} to create, ${update} to update, ${remove} to delete (${unmanagedDeletes(diff)} unmanaged)`,
    diff.values.compared === false ? 'release values not compared' : diff.values.changed ? 'release values change' : 'release values unchanged',
    `${unchanged} unchanged`,
  ];
  if (errors > 0) parts.push(`${errors} error${errors === 1 ? '' : 's'}: helmfile apply would fail`);
  return parts.join('; ');
}

// ---- JSON ----------------------------------------------------------------------------------

function jsonCluster(outcome: ClusterOutcome): object {
  if ('error' in outcome) return { cluster: outcome.cluster, error: outcome.error };
  const { diff } = outcome;
  return {
    cluster: diff.cluster,
    changes: diff.changes.map((c) => ({ action: c.action, kind: c.kind, name: c.name, namespace: c.namespace, managed: c.managed, diff: c.diff })),
    values: { changed: diff.values.changed, diff: diff.values.diff, compared: diff.values.compared !== false },
    summary: { create: diff.summary.create, update: diff.summary.update, delete: diff.summary.delete, unchanged: diff.summary.unchanged },
    findings: diff.findings,
  };
}

function jsonReport(outcomes: readonly ClusterOutcome[], single: boolean): string {
  const body = single && outcomes.length === 1 ? jsonCluster(outcomes[0]!) : outcomes.map(jsonCluster);
  return JSON.stringify(body, null, 2) + '\n';
}

// ---- text ----------------------------------------------------------------------------------

const MARK = { create: '+', update: '~', delete: '-' } as const;
const ACTION_STYLE = { create: 'green', update: 'yellow', delete: 'red' } as const;

function ownerNote(change: ObjectChange, release: string): string {
  if (change.managed === null) return '';
  if (change.managed) return ` (release ${release})`;
  return change.action === 'delete' ? ' (unmanaged: Helm will not remove it; clean it up by hand)' : ' (not in the Helm release)';
}

function textCluster(outcome: ClusterOutcome, paint: Paint): string {
  if ('error' in outcome) return `${paint('bold', `calico-gen diff ${outcome.cluster}`)}\n${paint('red', `error: ${outcome.error}`)}\n`;
  const { diff } = outcome;
  const release = diff.release.name;
  const lines = [paint('bold', `calico-gen diff ${diff.cluster}: desired state against ${diff.source}`), ''];
  for (const change of diff.changes) {
    const subject = `${change.kind}/${change.namespace ? `${change.namespace}/` : ''}${change.name}`;
    lines.push(paint(ACTION_STYLE[change.action], paint('bold', `${MARK[change.action]} ${change.action} ${subject}`)) + ownerNote(change, release));
    lines.push(...colourDiff(change.diff, paint), '');
  }
  if (diff.values.changed) lines.push(paint('yellow', paint('bold', '~ release values')), ...colourDiff(diff.values.diff, paint), '');
  for (const finding of diff.findings) lines.push(textFinding(finding, paint));
  if (diff.findings.length > 0) lines.push('');
  lines.push(paint('bold', `Plan ${diff.cluster}: ${planLine(diff)}`));
  return lines.join('\n') + '\n';
}

function textFinding(finding: Finding, paint: Paint): string {
  const style = severityStyle(finding.severity);
  const where = [finding.object, finding.path].filter(Boolean).join(' ');
  return paint(style, `${finding.severity} ${finding.rule}: ${where}: ${finding.message}`);
}

// ---- Markdown ------------------------------------------------------------------------------

function markdownCluster(outcome: ClusterOutcome): string {
  if ('error' in outcome) return `### calico-gen diff: \`${outcome.cluster}\`\n\n:x: **could not diff**: ${escapeMarkdown(outcome.error)}\n`;
  const { diff } = outcome;
  const lines = [`### calico-gen diff: \`${diff.cluster}\``, '', `**Plan: ${planLine(diff)}**  `, `Live state: ${escapeMarkdown(diff.source)}`, ''];
  const bySeverity = (severity: Finding['severity']) => diff.findings.filter((f) => f.severity === severity);
  const sections: [Finding['severity'], string][] = [['error', ':x: **Will be refused**'], ['warning', ':warning: **Warnings**'], ['info', '**Notes**']];
  for (const [severity, title] of sections) {
    const findings = bySeverity(severity);
    if (findings.length === 0) continue;
    lines.push(`${title}`, '', ...findings.map((f) => `- \`${f.rule}\` ${f.object}${f.path ? ` \`${f.path}\`` : ''}: ${escapeMarkdown(f.message)}`), '');
  }
  if (!hasChanges(diff)) {
    lines.push('No changes.', '');
    return lines.join('\n');
  }
  if (diff.changes.length > 0) {
    lines.push('| action | object | namespace | owner |', '| --- | --- | --- | --- |');
    for (const c of diff.changes) lines.push(`| ${c.action} | \`${c.kind}/${c.name}\` | ${c.namespace ?? ''} | ${markdownOwner(c)} |`);
    lines.push('');
  }
  for (const c of diff.changes) lines.push(...details(`${c.action} ${c.kind}/${c.namespace ? `${c.namespace}/` : ''}${c.name}`, c.diff));
  if (diff.values.changed) lines.push(...details('release values', diff.values.diff));
  return lines.join('\n');
}

function markdownOwner(change: ObjectChange): string {
  if (change.managed === null) return 'new';
  return change.managed ? 'Helm release' : '**nobody**: clean up by hand';
}

function details(summary: string, patch: string): string[] {
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(patch) + 1));
  return ['<details>', `<summary>${escapeHtml(summary)}</summary>`, '', `${fence}diff`, patch.replace(/\n$/, ''), fence, '', '</details>', ''];
}

function longestBacktickRun(text: string): number {
  return Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\*_[\]<>|])/g, '\\$1');
}
