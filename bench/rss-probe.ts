/**
 * Preloaded (`--require`) into a measured node process when GNU time is missing: writes the
 * process's own peak RSS (KiB) to the file named by CALICO_GEN_BENCH_RSS_FILE as it exits.
 */
import * as fs from 'node:fs';

const file = process.env.CALICO_GEN_BENCH_RSS_FILE;
// node children of the measured process inherit NODE_OPTIONS: only the measured one may write
delete process.env.CALICO_GEN_BENCH_RSS_FILE;

process.on('exit', () => {
  if (file) fs.writeFileSync(file, `${process.resourceUsage().maxRSS}\n`);
});
