/** `calico-gen synth` results: the summary line for people, one JSON document for programs. */
import type { FindingsReport } from '../core/findings';
import type { StaleFile } from '../output/files';

/** What a synth run came to (src/api/synth.ts's SynthResult). */
export interface SynthResult {
  report: FindingsReport;
  failed: boolean;
  clusters: number;
  cached: number;
  written: readonly string[];
  removed: readonly string[];
  stale: readonly StaleFile[];
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** `synthesised 6 clusters (5 unchanged since the last run): 2 files written, 1 cluster folder removed` */
export function synthSummary(result: SynthResult): string {
  return `synthesised ${plural(result.clusters, 'cluster')} (${result.cached} unchanged since the last run): ${plural(result.written.length, 'file')} written, ${plural(result.removed.length, 'cluster folder')} removed`;
}

/**
 * {"findings":[Finding],"summary":{"errors","warnings","acknowledged"},"failed","clusters","cached","written":[file],
 *  "removed":[folder],"stale":[{"file","diff"}]}: written on success and on failure alike.
 */
export function formatSynthJson(result: SynthResult): string {
  const document = {
    findings: result.report.findings,
    summary: result.report.summary,
    failed: result.failed,
    clusters: result.clusters,
    cached: result.cached,
    written: result.written,
    removed: result.removed,
    stale: result.stale.map(({ file, diff }) => ({ file, diff })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
