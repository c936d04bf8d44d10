/**
 * What a change does, per cluster, for people (text), programs (json, the shape of issue 5) and
 * merge requests (markdown: a summary table, then one collapsible section per changed cluster).
 */
import type { Review, RevisionLabel } from '../review/review';
import type { ClusterReview, ObjectChange } from '../review/compare';
import type { Finding } from '../core/findings';
import { acknowledgementMark } from './findings';
import { colourDiff, painter, severityStyle, type Paint } from './colour';

export type ReviewFormat = 'text' | 'json' | 'markdown';

/** GitHub and GitLab refuse comments over 65536 characters; leave room for a bot's own text. */
export const MARKDOWN_LIMIT = 60000;

/** `colour`: text for a terminal (see ./colour.ts); JSON and markdown are never coloured. */
export function formatReview(review: Review, format: ReviewFormat, options: { colour?: boolean } = {}): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify({ clusters: review.clusters.map(jsonCluster) }, null, 2)}\n`;
    case 'markdown':
      return markdownReview(review);
    default:
      return textReview(review, painter(options.colour === true));
  }
}

/** Exactly the documented fields, in the documented order. */
function jsonCluster(c: ClusterReview): ClusterReview {
  return {
    cluster: c.cluster,
    values: { changed: c.values.changed, diff: c.values.diff },
    changes: c.changes.map(({ action, kind, name, diff }) => ({ action, kind, name, diff })),
    findings: { introduced: c.findings.introduced, fixed: c.findings.fixed, acknowledged: c.findings.acknowledged },
  };
}

const PAST: Record<ObjectChange['action'], string> = { create: 'created', update: 'updated', delete: 'deleted' };

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

function markdownRevision(label: RevisionLabel): string {
  return label.commit ? `${code(label.revision)} (${code(label.commit.slice(0, 12))})` : label.revision;
}

function revision(label: RevisionLabel): string {
  return label.commit ? `${label.revision} (${label.commit.slice(0, 12)})` : label.revision;
}

function headline(review: Review): string {
  const changed = review.clusters.length;
  return changed === 0 ? `no cluster changes (${count(review.clusterCount, 'cluster')} compared)` : `${changed} of ${count(review.clusterCount, 'cluster')} change${changed === 1 ? 's' : ''}`;
}

/** `3 objects updated, 1 created` */
function objectSummary(changes: readonly ObjectChange[]): string {
  const parts = (['update', 'create', 'delete'] as const)
    .map((action) => ({ action, n: changes.filter((c) => c.action === action).length }))
    .filter(({ n }) => n > 0)
    .map(({ action, n }, i) => (i === 0 ? `${count(n, 'object')} ${PAST[action]}` : `${n} ${PAST[action]}`));
  return parts.join(', ');
}

function clusterSummary(c: ClusterReview): string {
  const parts = [
    c.values.changed.length > 0 ? `${count(c.values.changed.length, 'values key')} changed` : '',
    objectSummary(c.changes),
    c.findings.introduced.length > 0 ? `${count(c.findings.introduced.length, 'finding')} introduced` : '',
    c.findings.fixed.length > 0 ? `${count(c.findings.fixed.length, 'finding')} fixed` : '',
    c.findings.acknowledged.length > 0 ? `${count(c.findings.acknowledged.length, 'finding')} acknowledged` : '',
  ];
  return parts.filter(Boolean).join(', ');
}

function findingLine(f: Finding, paint: Paint): string {
  const where = f.source ? ` (${f.source.file}${f.source.line ? `:${f.source.line}` : ''})` : '';
  const style = f.acknowledged ? 'dim' : severityStyle(f.severity);
  return `${paint(style, `${f.severity} ${f.rule}`)}${acknowledgementMark(f)}: ${[f.object, f.path].filter(Boolean).join(' ')}: ${f.message}${where}`;
}

const ACTION_STYLE = { create: 'green', update: 'yellow', delete: 'red' } as const;

function textReview(review: Review, paint: Paint): string {
  const lines = [paint('bold', `review: base ${revision(review.base)} → head ${revision(review.head)}: ${headline(review)}`)];
  for (const c of review.clusters) {
    lines.push('', paint('bold', `cluster ${c.cluster}: ${clusterSummary(c)}`));
    if (c.values.changed.length > 0) {
      lines.push(`  values keys changed: ${c.values.changed.join(', ')}`);
      lines.push(...colourDiff(c.values.diff.trimEnd(), paint));
    }
    for (const change of c.changes) {
      lines.push(paint(ACTION_STYLE[change.action], `  ${PAST[change.action]} ${change.kind}/${change.name}`));
      lines.push(...colourDiff(change.diff.trimEnd(), paint));
    }
    for (const f of c.findings.introduced) lines.push(`  introduced: ${findingLine(f, paint)}`);
    for (const f of c.findings.fixed) lines.push(`  fixed: ${findingLine(f, paint)}`);
    for (const f of c.findings.acknowledged) lines.push(`  acknowledged: ${findingLine(f, paint)}`);
  }
  return `${lines.join('\n')}\n`;
}

interface MarkdownOptions {
  objectDiffs: boolean;
  valuesDiffs: boolean;
}

/** Diffs are dropped, objects' first, when the comment would be too long to post. */
function markdownReview(review: Review): string {
  for (const options of [
    { objectDiffs: true, valuesDiffs: true },
    { objectDiffs: false, valuesDiffs: true },
    { objectDiffs: false, valuesDiffs: false },
  ]) {
    const text = markdown(review, options);
    if (text.length <= MARKDOWN_LIMIT || !options.valuesDiffs) return text;
  }
  throw new Error('unreachable');
}

function markdown(review: Review, options: MarkdownOptions): string {
  const lines = ['### calico-gen review', '', `Base ${markdownRevision(review.base)} → head ${markdownRevision(review.head)}: **${headline(review)}**.`];
  if (review.clusters.length === 0) return `${lines.join('\n')}\n`;
  lines.push(
    '',
    '| Cluster | Values keys changed | Objects created | Objects updated | Objects deleted | Findings introduced | Findings fixed |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const c of review.clusters) {
    const n = (action: ObjectChange['action']) => c.changes.filter((change) => change.action === action).length;
    lines.push(`| \`${c.cluster}\` | ${c.values.changed.length} | ${n('create')} | ${n('update')} | ${n('delete')} | ${c.findings.introduced.length} | ${c.findings.fixed.length} |`);
  }
  if (!options.objectDiffs) {
    lines.push('', `_Some diffs are left out to fit a comment: run \`calico-gen review --base ${review.base.revision}\` for all of them._`);
  }
  for (const c of review.clusters) lines.push('', ...markdownCluster(c, options));
  return `${lines.join('\n')}\n`;
}

function markdownCluster(c: ClusterReview, options: MarkdownOptions): string[] {
  const lines = ['<details>', `<summary><code>${escapeHtml(c.cluster)}</code>: ${escapeHtml(clusterSummary(c))}</summary>`, ''];
  if (c.values.changed.length > 0) {
    lines.push('**Values keys changed:** ' + c.values.changed.map(code).join(', '), '');
    if (options.valuesDiffs) lines.push(...fenced(c.values.diff), '');
  }
  if (c.changes.length > 0) {
    lines.push('**Objects**', '');
    for (const change of c.changes) {
      lines.push(`- ${PAST[change.action]} ${code(`${change.kind}/${change.name}`)}`);
      if (options.objectDiffs) lines.push('', ...fenced(change.diff).map((line) => (line ? `  ${line}` : line)), '');
    }
    if (!options.objectDiffs) lines.push('');
  }
  const sections = [['Findings introduced', c.findings.introduced], ['Findings fixed', c.findings.fixed], ['Findings acknowledged', c.findings.acknowledged]] as const;
  for (const [title, findings] of sections) {
    if (findings.length === 0) continue;
    lines.push(`**${title}**`, '', ...findings.map((f) => `- **${f.severity}** ${code(f.rule)}${escapeHtml(acknowledgementMark(f))} ${code([f.object, f.path].filter(Boolean).join(' '))}: ${escapeHtml(f.message)}`), '');
  }
  lines.push('</details>');
  return lines;
}

/** A diff in a fence longer than any backtick run inside it. */
function fenced(diff: string): string[] {
  const longest = Math.max(2, ...(diff.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}diff`, ...diff.trimEnd().split('\n'), fence];
}

function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longest + 1);
  return longest > 0 ? `${ticks} ${text} ${ticks}` : `${ticks}${text}${ticks}`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
