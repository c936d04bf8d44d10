/** What `calico-gen import` says when it wrote the definitions: clusters by group, and what to do next. */
import type { GeneratedFile } from '../import/codegen/modules';
import type { ImportedFleet } from '../import/import';
import type { FindingsReport } from '../core/findings';

export function formatImportSummary(fleet: ImportedFleet, files: readonly GeneratedFile[], out: string): string {
  const lines = [`imported ${fleet.clusters.length} cluster(s) into ${out}/: ${files.length} file(s) written`];
  for (const [group] of fleet.groups) {
    const members = fleet.clusters.filter((c) => c.layout.group === group);
    lines.push(`  group ${group}: ${members.map((c) => `${c.layout.name}${c.layout.groupFrom === 'name' ? ' (by name)' : ''}`).join(', ')}`);
  }
  const ignored = [...new Set([...fleet.ignoredKeys.values()].flat())].sort();
  if (ignored.length > 0) lines.push(`  left alone, not read by the calico chart: ${ignored.join(', ')}`);
  lines.push(
    '',
    'Next: run `calico-gen synth`, give the calico release generated/<cluster>/calico-values.yaml as its only',
    'Calico values, and remove the chart\'s keys from the old layers, which would otherwise still merge in:',
    ...[...fleet.chartKeys].map(([file, keys]) => `  ${file}: ${keys.join(', ')}`),
  );
  return `${lines.join('\n')}\n`;
}

/** A quarter from today, for the example `until`: an acknowledgement is meant to end. */
function exampleUntil(now = new Date()): string {
  return new Date(now.getTime() + 90 * 86_400_000).toISOString().slice(0, 10);
}

/** Acknowledgement entries shown as an example: at most this many, one per rule and object. */
const EXAMPLE_ENTRIES = 10;

/**
 * After the findings of the imported fleet: its errors were in the values already, and how to fix
 * or acknowledge each (an example `acknowledge:` entry, in the layer of the clusters it concerns).
 */
export function formatImportErrors(report: FindingsReport, out: string, clusters: readonly string[]): string {
  const errors = report.findings.filter((f) => f.severity === 'error' && !f.acknowledged);
  if (errors.length === 0) return '';
  const entries = new Map<string, { rule: string; object: string; where: string }>();
  for (const f of errors) {
    const concerned = f.clusters ?? [f.cluster];
    const where = concerned.length === clusters.length && clusters.length > 1 ? `${out}/shared/fleet.ts` : concerned.map((name) => `${out}/${name}.ts`).join(', ');
    entries.set(`${f.rule}\0${f.object}`, { rule: f.rule, object: f.object, where });
  }
  const until = exampleUntil();
  const shown = [...entries.values()].slice(0, EXAMPLE_ENTRIES);
  const lines = [
    '',
    `The imported fleet has ${errors.length} error${errors.length === 1 ? '' : 's'} (listed above), which the values tree had already: the definitions are written as the`,
    'values are, and `calico-gen synth` writes nothing while an error stands. Fix each at the line named above; or, if one is',
    'known and tracked, acknowledge it in the defineLayer or defineCluster of the clusters it concerns, for example:',
    '',
  ];
  for (const [where, group] of groupBy(shown, (entry) => entry.where)) {
    lines.push(`  // in ${where}`, '  acknowledge: [');
    for (const entry of group) {
      const object = /^[A-Za-z]+\/./.test(entry.object) ? ` object: '${entry.object}',` : '';
      lines.push(`    { rule: '${entry.rule}',${object} reason: 'TICKET-123: why it may stay for now', until: '${until}' },`);
    }
    lines.push('  ],');
  }
  if (entries.size > shown.length) lines.push(`  (and ${entries.size - shown.length} more rule and object pairs)`);
  return `${lines.join('\n')}\n`;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
