/** Findings for people (text), programs (json) and GitHub Actions (workflow annotations). */
import type { FindingsReport, ReportedFinding } from '../core/findings';
import { painter, severityStyle, type Paint } from './colour';

export type FindingsFormat = 'text' | 'json' | 'github';

/** `colour`: text for a terminal (see ./colour.ts); the other formats are never coloured. */
export function formatFindings(report: FindingsReport, format: FindingsFormat, options: { colour?: boolean } = {}): string {
  switch (format) {
    case 'json':
      return JSON.stringify(report, null, 2) + '\n';
    case 'github':
      return report.findings.map(githubAnnotation).join('');
    default:
      return textReport(report, painter(options.colour === true));
  }
}

function where(finding: ReportedFinding): string {
  const source = finding.source;
  if (!source) return '';
  return `${source.file}${source.line ? `:${source.line}${source.column ? `:${source.column}` : ''}` : ''}: `;
}

/** A text line names at most this many clusters; the JSON names them all. */
const NAMED_CLUSTERS = 10;

/** `in 3 clusters: a, b, c`, or with `and 5 more` past the first ten (of more than twelve). */
export function clustersPhrase(clusters: readonly string[]): string {
  // "and 1 more" would be longer than the name
  const shown = clusters.length > NAMED_CLUSTERS + 2 ? NAMED_CLUSTERS : clusters.length;
  const named = clusters.slice(0, shown).join(', ');
  const more = shown < clusters.length ? ` and ${clusters.length - shown} more` : '';
  return `in ${clusters.length} clusters: ${named}${more}`;
}

/** ` (acknowledged until …: reason)`, ` (acknowledgement expired …: reason)`, or nothing. */
export function acknowledgementMark(f: Pick<ReportedFinding, 'acknowledged' | 'acknowledgementExpired'>): string {
  if (f.acknowledged) return ` (acknowledged${f.acknowledged.until ? ` until ${f.acknowledged.until}` : ''}: ${f.acknowledged.reason})`;
  if (f.acknowledgementExpired) return ` (acknowledgement expired ${f.acknowledgementExpired.until}, it counts again: ${f.acknowledgementExpired.reason})`;
  return '';
}

function textReport(report: FindingsReport, paint: Paint): string {
  const lines = report.findings.map((f) => {
    const subject = f.clusters
      ? `${[f.object, f.path].filter(Boolean).join(' ')} ${clustersPhrase(f.clusters)}`
      : [f.cluster && `cluster ${f.cluster}`, f.object, f.path].filter(Boolean).join(' ');
    // an acknowledged finding is known and tracked: it does not fail the run, so it does not shout
    const style = f.acknowledged ? 'dim' : severityStyle(f.severity);
    return `${where(f)}${paint(style, `${f.severity} ${f.rule}`)}${acknowledgementMark(f)}: ${subject}: ${f.message}`;
  });
  const { errors, warnings, acknowledged } = report.summary;
  lines.push(paint('bold', `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${acknowledged > 0 ? `, ${acknowledged} acknowledged` : ''}`));
  return lines.join('\n') + '\n';
}

/**
 * `::error file=F,line=L,col=C,title=T::message` with GitHub's escaping; one per finding, so one
 * for a cause several clusters share. An acknowledged finding is a notice: it does not fail the run.
 */
function githubAnnotation(f: ReportedFinding): string {
  const command = f.acknowledged || f.severity === 'info' ? 'notice' : f.severity;
  const about = f.clusters ? `${f.object} (${f.clusters.length} clusters)` : [f.cluster, f.object].filter(Boolean).join(' ');
  const properties = [
    f.source?.file && `file=${escapeProperty(f.source.file)}`,
    f.source?.line && `line=${f.source.line}`,
    f.source?.column && `col=${f.source.column}`,
    `title=${escapeProperty(`${f.acknowledged ? `acknowledged ${f.severity} ` : ''}${f.rule} ${about}`)}`,
  ].filter(Boolean);
  const clusters = f.clusters ? ` (${clustersPhrase(f.clusters)})` : '';
  return `::${command} ${properties.join(',')}::${escapeData(`${f.path ? `${f.path}: ` : ''}${f.message}${clusters}${acknowledgementMark(f)}`)}\n`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
