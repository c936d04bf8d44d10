/**
 * `npm run bench`: calico-gen against helm at fleet scale (issue 6), and live IPAM on a 5,000-node
 * cluster (issue 12). Generates synthetic fleets, times fresh calico-gen processes on each, times
 * `helm template` over the 100-cluster fleet, times `capacity --live` from dumps and a paged API,
 * prints a table with the issues' targets and writes the figures as JSON. See bench/README.md.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { timeHelmTemplate } from './helm';
import { measureLiveIpam } from './ipam-live';
import { timePoolOverlap } from './pool-overlap';
import { describeRssMethod, detectRssMethod, type RssMethod } from './measure';
import { formatTable, type BenchResult } from './report';
import { snapshotProject, treeState } from './snapshot';
import { measureFleet, type FleetFacts, type Row } from './suite';
import { checkTargets, helmRatios } from './targets';

const projectRoot = path.resolve(__dirname, '..', '..');
const HELM_FLEET = 100;

const usage = `usage: npm run bench -- [--sizes 10,100,1000] [--runs 5] [--out FILE] [--quick] [--keep] [--rss process-tree|gnu-time|node-probe] [--only fleet|ipam]

  --sizes LIST   fleet sizes to generate and time (default 10,100,1000); the edit loop and
                 validate --cluster run on the largest; helm runs on the 100-cluster fleet
  --runs N       timed runs per row, median/min/max reported (default 5)
  --out FILE     JSON results (default bench/results/latest.json)
  --quick        smoke check: sizes 10,100 and 3 runs
  --keep         keep the temporary fleets and the frozen build (their folder is printed)
  --rss METHOD   force the peak-RSS method (default: process-tree where /proc lists a process's
                 children, else gnu-time when /usr/bin/time works)
  --only PART    fleet: the fleet rows and helm only; ipam: the live IPAM rows only (5,000 nodes)
`;

interface Options {
  sizes: number[];
  runs: number;
  out: string;
  keep: boolean;
  rss?: RssMethod;
  parts: { fleet: boolean; ipam: boolean };
}

function parseOptions(argv: string[]): Options | undefined {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string' },
      runs: { type: 'string' },
      out: { type: 'string' },
      quick: { type: 'boolean' },
      keep: { type: 'boolean' },
      rss: { type: 'string' },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return undefined;
  const sizes = (values.sizes ?? (values.quick ? '10,100' : '10,100,1000')).split(',').map((s) => positive('--sizes', s));
  const runs = positive('--runs', values.runs ?? (values.quick ? '3' : '5'));
  if (values.rss !== undefined && !['process-tree', 'gnu-time', 'node-probe'].includes(values.rss)) throw new Error(`--rss ${values.rss}: process-tree, gnu-time or node-probe`);
  if (values.only !== undefined && values.only !== 'fleet' && values.only !== 'ipam') throw new Error(`--only ${values.only}: fleet or ipam`);
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    runs,
    out: path.resolve(values.out ?? path.join(projectRoot, 'bench', 'results', 'latest.json')),
    keep: values.keep ?? false,
    parts: { fleet: values.only !== 'ipam', ipam: values.only !== 'fleet' },
    ...(values.rss ? { rss: values.rss as RssMethod } : {}),
  };
}

function positive(flag: string, text: string): number {
  const value = Number(text.trim());
  if (!Number.isInteger(value) || value < 1) throw new Error(`${flag}: ${JSON.stringify(text)} is not a positive integer`);
  return value;
}

function run(options: Options): BenchResult {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  if (process.env.CALICO_GEN_CACHE_DIR !== undefined) {
    // the cache rows clear and describe each fleet's own node_modules/.cache/calico-gen
    log(`ignoring CALICO_GEN_CACHE_DIR=${process.env.CALICO_GEN_CACHE_DIR} for the measured processes`);
    delete process.env.CALICO_GEN_CACHE_DIR;
  }
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'calico-gen-bench-'));
  const loadAverageStart = os.loadavg();
  try {
    const cliRoot = snapshotProject(projectRoot, path.join(workDir, 'calico-gen'));
    const tree = treeState(projectRoot, cliRoot);
    const rss = options.rss ?? detectRssMethod();
    log(`benchmarking commit ${tree.commit.slice(0, 12)} (+${tree.uncommitted.length} uncommitted), frozen in ${cliRoot}; peak RSS by ${rss}`);
    const context = { cliRoot, workDir, runs: options.runs, rss, log };
    const fleets: FleetFacts[] = [];
    const rows: Row[] = [];
    let helm: BenchResult['helm'];
    const largest = Math.max(...options.sizes);
    for (const size of options.parts.fleet ? options.sizes : []) {
      const measured = measureFleet(context, { size, editLoop: size === largest });
      fleets.push(measured.facts);
      rows.push(...measured.rows);
      if (size === HELM_FLEET) {
        const generated = path.join(measured.fleet.dir, 'generated');
        const valuesFiles = measured.fleet.clusters.map((c) => path.join(generated, c.name, 'calico-values.yaml'));
        log(`helm template over the ${size}-cluster fleet, ${options.runs} pass(es)...`);
        helm = { fleetSize: size, ...timeHelmTemplate({ projectRoot, valuesFiles, runs: options.runs, rss }) };
        log(`  helm: median ${helm.stats.medianSeconds.toFixed(2)} s per pass of ${valuesFiles.length} (${helm.bgpPeersFirstCluster} BGPPeers in the first)`);
      }
      if (!options.keep) fs.rmSync(measured.fleet.dir, { recursive: true, force: true });
    }
    if (options.parts.fleet) {
      const overlap = timePoolOverlap({ cliRoot, runs: options.runs });
      log(`  ${overlap.command}: ${overlap.skipped ?? `median ${overlap.medianSeconds!.toFixed(3)} s`}`);
      rows.push(overlap);
    }
    if (options.parts.ipam) rows.push(...measureLiveIpam(context));
    return {
      date: new Date().toISOString(),
      tree,
      machine: { node: process.version, platform: `${os.platform()} ${os.release()}`, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', loadAverageStart, loadAverageEnd: os.loadavg() },
      options: { sizes: options.parts.fleet ? options.sizes : [], runs: options.runs, parts: Object.keys(options.parts).filter((part) => options.parts[part as 'fleet' | 'ipam']) },
      peakRssMethod: describeRssMethod(rss),
      fleets,
      rows,
      ...(helm ? { helm } : {}),
      ratios: helmRatios(rows, helm),
      targets: checkTargets(rows, helm),
    };
  } finally {
    if (options.keep) log(`kept ${workDir}`);
    else fs.rmSync(workDir, { recursive: true, force: true });
  }
}

function main(): number {
  let options: Options | undefined;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n${usage}`);
    return 1;
  }
  if (!options) {
    process.stdout.write(usage);
    return 0;
  }
  let result: BenchResult;
  try {
    result = run(options);
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n`);
    return 1;
  }
  process.stdout.write(formatTable(result));
  const machinePath = machinePaths(result)[0];
  if (machinePath) {
    process.stderr.write(`bench: the results name a path of this machine (${machinePath}); not written\n`);
    return 1;
  }
  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  fs.writeFileSync(options.out, `${JSON.stringify(result, null, 2)}\n`);
  const shown = path.relative(process.cwd(), options.out);
  process.stdout.write(`\nwritten ${shown.startsWith('..') ? options.out : shown}\n`);
  return result.rows.some((row) => row.failed) ? 1 : 0;
}

/** Strings of the results that are absolute paths, or hold one: results are shared, paths are this machine's. */
export function machinePaths(value: unknown): string[] {
  if (typeof value === 'string') return /(^|[\s(])\/[\w.-]+\//.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(machinePaths);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(machinePaths);
  return [];
}

if (require.main === module) process.exitCode = main();
