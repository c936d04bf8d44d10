/**
 * The fleet-wide pool-overlap check over 10,000 pools, timed inside the process (the issue's
 * in-process target): a fresh process per run, each reporting the rule's own elapsed time.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runProcess, summariseRuns } from './measure';
import type { Row } from './suite';

export const OVERLAP_POOLS = 10_000;
const RULE = path.join('dist', 'src', 'validate', 'rules', 'fleet', 'pool-overlap.js');

export function timePoolOverlap(options: { cliRoot: string; runs: number }): Row {
  const row: Row = {
    kind: 'pool-overlap',
    fleetSize: OVERLAP_POOLS / 2,
    command: `pool-overlap rule, ${OVERLAP_POOLS.toLocaleString('en')} pools (time inside the process)`,
    cacheState: 'n/a',
  };
  if (!fs.existsSync(path.join(options.cliRoot, RULE))) return { ...row, skipped: `not available yet: no ${RULE}` };
  const samples: { seconds: number; peakRssMiB: null }[] = [];
  for (let run = 0; run < options.runs; run++) {
    const result = runProcess(
      { command: process.execPath, args: [path.join(__dirname, 'pool-overlap-probe.js'), options.cliRoot, String(OVERLAP_POOLS)], cwd: options.cliRoot },
      'node-probe',
    );
    if (result.status !== 0) return { ...row, skipped: `failed: exit ${result.status}: ${result.stderr.trim().split('\n')[0]}`, failed: true };
    const measured = JSON.parse(result.stdout) as { seconds: number; pools: number; hits: number };
    if (measured.hits !== 0) return { ...row, skipped: `failed: ${measured.hits} overlap finding(s) among distinct pools`, failed: true };
    samples.push({ seconds: measured.seconds, peakRssMiB: null });
  }
  return { ...row, note: 'distinct pools (no findings); seconds are the rule check alone, measured in the child', ...summariseRuns(samples) };
}
