/**
 * The targets of issues 6, 12 and 13, checked against this run's figures. Each check names the row it reads;
 * a figure this run did not measure is "not measured", never a pass.
 */
import type { HelmPass } from './helm';
import type { Row, RowKind } from './suite';

export interface TargetCheck {
  target: string;
  figure: string;
  /** null: not measured in this run */
  pass: boolean | null;
}

export interface Ratio {
  helmSeconds: number;
  synthSeconds: number;
  synthCache: string;
  ratio: number;
}

const LARGE = 1000;
const MEDIUM = 100;

export function find(rows: readonly Row[], kind: RowKind, size: number): Row | undefined {
  return rows.find((row) => row.kind === kind && row.fleetSize === size && row.medianSeconds !== undefined);
}

/** helm over the 100-cluster fleet against calico-gen synth of the same fleet, cold and warm caches. */
export function helmRatios(rows: readonly Row[], helm: HelmPass | undefined): Ratio[] {
  if (!helm) return [];
  return (['synth-cold', 'synth-warm'] as const)
    .map((kind) => find(rows, kind, MEDIUM))
    .filter((row): row is Row => row !== undefined)
    .map((row) => ({ helmSeconds: helm.stats.medianSeconds, synthSeconds: row.medianSeconds!, synthCache: row.cacheState, ratio: helm.stats.medianSeconds / row.medianSeconds! }));
}

export function checkTargets(rows: readonly Row[], helm: HelmPass | undefined): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const seconds = (row: Row | undefined) => (row ? `${row.medianSeconds!.toFixed(row.medianSeconds! < 1 ? 3 : 2)} s` : '');
  const atMost = (target: string, row: Row | undefined, limit: number, context = '') =>
    checks.push(
      row
        ? { target, figure: `${seconds(row)}${context}`, pass: row.medianSeconds! <= limit }
        : { target, figure: 'not measured', pass: null },
    );

  const cold100 = find(rows, 'synth-cold', MEDIUM);
  const warm100 = find(rows, 'synth-warm', MEDIUM);
  atMost('100 clusters synthesised and validated ≤ 1.5 s (cold process, cold caches)', cold100, 1.5, warm100 ? `; warm caches ${seconds(warm100)}` : '');

  const ratio = helmRatios(rows, helm).find((r) => r.synthCache === cold100?.cacheState);
  checks.push(
    ratio
      ? { target: '100 clusters ≥ 8× faster than helm template (same fleet, same run)', figure: `${ratio.ratio.toFixed(1)}× (helm ${ratio.helmSeconds.toFixed(2)} s / synth ${ratio.synthSeconds.toFixed(2)} s)`, pass: ratio.ratio >= 8 }
      : { target: '100 clusters ≥ 8× faster than helm template (same fleet, same run)', figure: 'not measured', pass: null },
  );

  const cold1000 = find(rows, 'synth-cold', LARGE);
  atMost('1000 clusters ≤ 10 s (cold caches)', cold1000, 10, find(rows, 'synth-warm', LARGE) ? `; warm caches ${seconds(find(rows, 'synth-warm', LARGE))}` : '');

  const peaks = (['synth-cold', 'synth-warm'] as const).map((kind) => find(rows, kind, LARGE)?.peakRssMiB).filter((v): v is number => typeof v === 'number');
  checks.push(
    peaks.length > 0
      ? { target: '1000 clusters ≤ 500 MiB peak RSS', figure: `${Math.max(...peaks).toFixed(0)} MiB`, pass: Math.max(...peaks) <= 500 }
      : { target: '1000 clusters ≤ 500 MiB peak RSS', figure: 'not measured', pass: null },
  );

  checks.push(linearity(rows));
  atMost('edit loop: synth after one cluster file changes, 1000 clusters ≤ 1.5 s', find(rows, 'edit-loop', LARGE), 1.5);
  atMost('validate --cluster X, 1000 clusters ≤ 0.5 s', find(rows, 'validate-cluster', LARGE), 0.5);
  atMost('review of a router change touching all 1000 clusters ≤ 3 s', find(rows, 'review', LARGE), 3);
  atMost('fleet-wide pool-overlap check over 10,000 pools ≤ 0.2 s (in process)', rows.find((row) => row.kind === 'pool-overlap' && row.medianSeconds !== undefined), 0.2);
  checks.push(...ipamTargets(rows));
  return checks;
}

/** Issue 12 §7: its dump sizes were ≈ 46 MB (JSON) and ≈ 67 MB (YAML); each row names its own. */
const IPAM_TARGETS: readonly { kind: RowKind; source: string; seconds: number }[] = [
  { kind: 'ipam-json', source: 'a JSON dump (issue: ≈ 46 MB)', seconds: 3 },
  { kind: 'ipam-yaml', source: 'a YAML dump (issue: ≈ 67 MB)', seconds: 15 },
  { kind: 'ipam-api', source: 'the fake API server, paged', seconds: 5 },
];
const IPAM_RSS_MIB = 1536;

function ipamTargets(rows: readonly Row[]): TargetCheck[] {
  return IPAM_TARGETS.map(({ kind, source, seconds }) => {
    const target = `5,000-node cluster from ${source} ≤ ${seconds} s and ≤ 1.5 GiB peak`;
    const row = rows.find((r) => r.kind === kind && r.medianSeconds !== undefined);
    if (!row) return { target, figure: 'not measured', pass: null };
    const rss = row.peakRssMiB ?? undefined;
    const size = /\((.*)\)/.exec(row.command)?.[1];
    return {
      target,
      figure: `${row.medianSeconds!.toFixed(2)} s, ${rss === undefined ? 'peak not measured' : `${rss.toFixed(0)} MiB`}${size ? ` (${size})` : ''}`,
      pass: row.medianSeconds! <= seconds && (rss === undefined ? null : rss <= IPAM_RSS_MIB) !== false,
    };
  });
}

/**
 * Linear, not quadratic: the cost of each cluster added between 100 and 1000 (cold caches) stays
 * within 1.5× of the cost of each one added between 10 and 100. A quadratic fleet makes it ~10×.
 */
function linearity(rows: readonly Row[]): TargetCheck {
  const target = 'time grows linearly with the fleet (marginal s/cluster 100→1000 ≤ 1.5 × 10→100)';
  const [t10, t100, t1000] = [10, MEDIUM, LARGE].map((size) => find(rows, 'synth-cold', size)?.medianSeconds);
  if (t10 === undefined || t100 === undefined || t1000 === undefined) return { target, figure: 'not measured (needs sizes 10, 100, 1000)', pass: null };
  const small = (t100 - t10) / 90;
  const large = (t1000 - t100) / 900;
  return {
    target,
    figure: `${(small * 1000).toFixed(1)} ms/cluster (10→100), ${(large * 1000).toFixed(1)} ms/cluster (100→1000): ×${(large / small).toFixed(2)}`,
    pass: large <= 1.5 * small,
  };
}
