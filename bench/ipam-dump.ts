/**
 * IPAM dump benchmark (issue 12 §7): a 5,000-node cluster's dump (test/support/ipam BENCH_PLAN)
 * written as `kubectl get -o yaml` and `-o json` print it and as the API server sends a list
 * (compact JSON), each read in fresh processes (file read, parse, analysis). Targets: JSON ≤ 3 s,
 * YAML ≤ 15 s, peak RSS ≤ 1.5 GiB. Usage: node dist/bench/ipam-dump.js [--runs N] [--dir DIR]
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateIpamCluster } from '../test/support/ipam/cluster';
import { writeKubectlDump } from '../test/support/ipam/kubectl-format';
import { BENCH_PLAN } from '../test/support/ipam/presets';

interface Probe {
  readMs: number;
  parseMs: number;
  analyseMs: number;
  maxRssMiB: number;
  blocks: number;
}

const FORMATS = [
  { format: 'json-compact', file: 'cluster.compact.json', targetSeconds: 3 },
  { format: 'json', file: 'cluster.json', targetSeconds: 3 },
  { format: 'yaml', file: 'cluster.yaml', targetSeconds: 15 },
] as const;
const RSS_TARGET_MIB = 1536;

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const runs = Number(option('--runs') ?? 3);
const dir = option('--dir') ?? fs.mkdtempSync(path.join(os.tmpdir(), 'calico-gen-ipam-bench-'));
fs.mkdirSync(dir, { recursive: true });
const cluster = generateIpamCluster(BENCH_PLAN);
process.stderr.write(`5,000-node cluster: ${cluster.facts.blocks} blocks, ${cluster.facts.slots} allocation slots, ${cluster.facts.pods} pods, ${cluster.objects.length} objects\n`);
const rows = FORMATS.map(({ format, file, targetSeconds }) => {
  const target = path.join(dir, file);
  const bytes = fs.existsSync(target) ? fs.statSync(target).size : writeKubectlDump(target, cluster.objects, format);
  const probes: (Probe & { wallMs: number })[] = [];
  for (let run = 0; run < runs; run++) {
    const start = process.hrtime.bigint();
    const output = execFileSync(process.execPath, [path.join(__dirname, 'ipam-dump-probe.js'), target], { encoding: 'utf8', maxBuffer: 1 << 20 });
    probes.push({ ...(JSON.parse(output) as Probe), wallMs: Number(process.hrtime.bigint() - start) / 1e6 });
  }
  const seconds = median(probes.map((p) => p.wallMs)) / 1000;
  const rss = Math.max(...probes.map((p) => p.maxRssMiB));
  return { format, megabytes: bytes / 1e6, seconds, parseSeconds: median(probes.map((p) => p.parseMs)) / 1000, rssMiB: rss, pass: seconds <= targetSeconds && rss <= RSS_TARGET_MIB, targetSeconds };
});
for (const row of rows) {
  process.stdout.write(`${row.format.padEnd(13)} ${row.megabytes.toFixed(1).padStart(6)} MB  ${row.seconds.toFixed(2).padStart(6)} s (parse ${row.parseSeconds.toFixed(2)} s; target ≤ ${row.targetSeconds} s)  peak ${row.rssMiB.toFixed(0).padStart(5)} MiB (target ≤ ${RSS_TARGET_MIB})  ${row.pass ? 'PASS' : 'FAIL'}\n`);
}
process.stdout.write(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; dumps in ${dir}\n`);
process.exitCode = rows.every((row) => row.pass) ? 0 : 1;
