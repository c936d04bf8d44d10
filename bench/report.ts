/** The benchmark's output: a text table for people, the same figures as JSON for notes and tools. */
import type { HelmPass } from './helm';
import type { TreeState } from './snapshot';
import type { FleetFacts, Row } from './suite';
import type { Ratio, TargetCheck } from './targets';

export interface BenchResult {
  date: string;
  tree: TreeState;
  machine: { node: string; platform: string; cpus: number; cpuModel: string; loadAverageStart: number[]; loadAverageEnd: number[] };
  /** parts: the fleet rows and helm (`fleet`), the live IPAM rows (`ipam`) */
  options: { sizes: number[]; runs: number; parts?: string[] };
  peakRssMethod: string;
  fleets: FleetFacts[];
  rows: Row[];
  helm?: HelmPass & { fleetSize: number };
  ratios: Ratio[];
  targets: TargetCheck[];
}

export function formatTable(result: BenchResult): string {
  const header = ['fleet', 'command', 'caches', 'median s', 'min s', 'max s', 'peak RSS MiB', 'runs'];
  const body = result.rows.map((row) =>
    row.skipped
      ? [String(row.fleetSize), row.command, '-', 'skipped', '', '', '', '']
      : [String(row.fleetSize), row.command, row.cacheState, fixed(row.medianSeconds), fixed(row.minSeconds), fixed(row.maxSeconds), fixed(row.peakRssMiB ?? undefined, 0), String(row.runs)],
  );
  if (result.helm) {
    const h = result.helm;
    body.push([String(h.fleetSize), `helm template × ${h.valuesFiles} (sequential)`, 'n/a', fixed(h.stats.medianSeconds), fixed(h.stats.minSeconds), fixed(h.stats.maxSeconds), fixed(h.stats.peakRssMiB ?? undefined, 0), String(h.stats.runs)]);
  }
  const lines = [
    `calico-gen benchmark, ${result.date}`,
    `commit ${result.tree.commit.slice(0, 12)}${result.tree.uncommitted.length > 0 ? ` + ${result.tree.uncommitted.length} uncommitted path(s)` : ' (clean)'}, dist ${result.tree.distHash}`,
    `${result.machine.node}, ${result.machine.cpus} × ${result.machine.cpuModel}, load ${result.machine.loadAverageStart.map((l) => l.toFixed(2)).join(' ')} → ${result.machine.loadAverageEnd.map((l) => l.toFixed(2)).join(' ')}`,
    `peak RSS: ${result.peakRssMethod}`,
    '',
    ...result.fleets.map(
      (f) => `fleet ${f.size}: ${f.routers} routers, groups ${f.groups.join('/')}, ${range(f.objectsPerCluster)} objects (${range(f.bgpPeersPerCluster)} BGPPeers) per cluster, ${f.findings.errors} errors, ${f.findings.warnings} warnings`,
    ),
    '',
    ...table(header, body, [false, false, false, true, true, true, true, true]),
    '',
    ...result.rows.filter((row) => row.note && !row.skipped).map((row) => `  ${row.fleetSize} ${row.command} [${row.cacheState}]: ${row.note}`),
    ...result.rows.filter((row) => row.skipped).map((row) => `  ${row.fleetSize} ${row.command}: ${row.skipped}`),
  ];
  if (result.ratios.length > 0) {
    lines.push('', ...result.ratios.map((r) => `helm / calico-gen synth (100 clusters, synth caches ${r.synthCache}): ${r.helmSeconds.toFixed(2)} s / ${r.synthSeconds.toFixed(2)} s = ${r.ratio.toFixed(1)}×`));
  }
  lines.push('', 'targets (issues 6, 12 and 13):', ...table(['', 'target', 'this run'], result.targets.map((t) => [mark(t.pass), t.target, t.figure]), [false, false, false]));
  return `${lines.join('\n')}\n`;
}

function mark(pass: boolean | null): string {
  return pass === null ? '-   ' : pass ? 'PASS' : 'FAIL';
}

function fixed(value: number | undefined, digits = 3): string {
  return value === undefined ? '' : value.toFixed(digits);
}

function range([low, high]: [number, number]): string {
  return low === high ? String(low) : `${low}–${high}`;
}

function table(header: string[], rows: string[][], right: boolean[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (right[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}
