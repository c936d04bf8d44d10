/** What `calico-gen import` says when it wrote the definitions: clusters by group, and what to do next. */
import type { GeneratedFile } from '../import/codegen/modules';
import type { ImportedFleet } from '../import/import';

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
