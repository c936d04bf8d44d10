/** Findings for people (text), programs (json) and GitHub Actions (workflow annotations). */
import type { Finding, FindingsReport } from '../core/findings';
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

function where(finding: Finding): string {
  const source = finding.source;
  if (!source) return '';
  return `${source.file}${source.line ? `:${source.line}${source.column ? `:${source.column}` : ''}` : ''}: `;
}

function textReport(report: FindingsReport, paint: Paint): string {
  const lines = report.findings.map((f) => {
    const subject = [f.cluster && `cluster ${f.cluster}`, f.object, f.path].filter(Boolean).join(' ');
    return `${where(f)}${paint(severityStyle(f.severity), `${f.severity} ${f.rule}`)}: ${subject}: ${f.message}`;
  });
  const { errors, warnings } = report.summary;
  lines.push(paint('bold', `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`));
  return lines.join('\n') + '\n';
}

/** `::error file=F,line=L,col=C,title=T::message` with GitHub's escaping. */
function githubAnnotation(f: Finding): string {
  const command = f.severity === 'info' ? 'notice' : f.severity;
  const properties = [
    f.source?.file && `file=${escapeProperty(f.source.file)}`,
    f.source?.line && `line=${f.source.line}`,
    f.source?.column && `col=${f.source.column}`,
    `title=${escapeProperty(`${f.rule} ${[f.cluster, f.object].filter(Boolean).join(' ')}`)}`,
  ].filter(Boolean);
  return `::${command} ${properties.join(',')}::${escapeData(`${f.path ? `${f.path}: ` : ''}${f.message}`)}\n`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
