/**
 * Times whole processes, one fresh process per run, and reads each one's peak resident set size.
 *
 * Peak RSS is that of the whole process tree (bench/tree-rss.ts, from /proc: calico-gen's worker
 * processes count) where /proc is there; otherwise GNU time's (`/usr/bin/time -f %M`: the
 * kernel's ru_maxrss, which sees only the largest process of the tree) when it is installed and
 * works; otherwise, for node commands only, the child's own `process.resourceUsage().maxRSS` at
 * exit, written by a preloaded probe (bench/rss-probe.ts). Wall time is measured around the
 * command itself.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export type RssMethod = 'process-tree' | 'gnu-time' | 'node-probe';

export const GNU_TIME = '/usr/bin/time';
const PROBE = path.join(__dirname, 'rss-probe.js');
const TREE = path.join(__dirname, 'tree-rss.js');
const PROBE_ENV = 'CALICO_GEN_BENCH_RSS_FILE';

export function describeRssMethod(method: RssMethod): string {
  if (method === 'process-tree') return 'the summed VmRSS of the whole process tree, read from /proc every 10 ms (worker processes included)';
  return method === 'gnu-time'
    ? `GNU time -f %M (kernel ru_maxrss of the child process)`
    : `process.resourceUsage().maxRSS at exit, via a --require probe (node commands only)`;
}

/** The process tree where /proc lists children; else GNU time if it is there and prints %M; the node probe otherwise. */
export function detectRssMethod(): RssMethod {
  if (fs.existsSync(`/proc/${process.pid}/task/${process.pid}/children`)) return 'process-tree';
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'calico-gen-bench-rss-')), 'rss');
  const result = spawnSync(GNU_TIME, ['-f', '%M', '-o', out, process.execPath, '-e', ''], { stdio: 'ignore' });
  const ok = result.status === 0 && /^\d+\s*$/.test(readOr(out, ''));
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  return ok ? 'gnu-time' : 'node-probe';
}

export interface ProcessRun {
  status: number;
  stdout: string;
  stderr: string;
  seconds: number;
  /** null when the method cannot see this process (the node probe and a non-node command) */
  peakRssMiB: number | null;
}

export interface SpawnSpec {
  command: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
}

export function runProcess(spec: SpawnSpec, method: RssMethod): ProcessRun {
  const rssFile = path.join(os.tmpdir(), `calico-gen-bench-rss-${process.pid}-${Date.now()}`);
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...spec.env };
  let command = spec.command;
  let args = spec.args;
  if (method === 'process-tree') {
    command = process.execPath;
    args = [TREE, rssFile, spec.command, ...spec.args];
  } else if (method === 'gnu-time') {
    command = GNU_TIME;
    args = ['-f', '%M', '-o', rssFile, spec.command, ...spec.args];
  } else if (spec.command === process.execPath) {
    env[PROBE_ENV] = rssFile;
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --require ${PROBE}`.trim();
  }
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd: spec.cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.error) throw result.error;
  const written = readOr(rssFile, '').trim().split('\n').pop() ?? '';
  fs.rmSync(rssFile, { force: true });
  // the tree method times the command itself, without its own start
  const [timed, peak] = method === 'process-tree' ? written.split(' ') : [undefined, written];
  const kib = Number.parseInt(peak ?? '', 10);
  return {
    status: result.status ?? -1,
    stdout: result.stdout,
    stderr: result.stderr,
    seconds: timed !== undefined && Number.isFinite(Number(timed)) ? Number(timed) : seconds,
    peakRssMiB: Number.isFinite(kib) ? kib / 1024 : null,
  };
}

function readOr(file: string, fallback: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
}

export interface Stats {
  runs: number;
  medianSeconds: number;
  minSeconds: number;
  maxSeconds: number;
  /** the largest peak over the runs */
  peakRssMiB: number | null;
}

export function summariseRuns(samples: readonly { seconds: number; peakRssMiB: number | null }[]): Stats {
  const seconds = samples.map((s) => s.seconds).sort((a, b) => a - b);
  const middle = Math.floor(seconds.length / 2);
  const median = seconds.length % 2 === 1 ? seconds[middle]! : (seconds[middle - 1]! + seconds[middle]!) / 2;
  const rss = samples.map((s) => s.peakRssMiB).filter((v): v is number => v !== null);
  return {
    runs: samples.length,
    medianSeconds: median,
    minSeconds: seconds[0]!,
    maxSeconds: seconds[seconds.length - 1]!,
    peakRssMiB: rss.length > 0 ? Math.max(...rss) : null,
  };
}
