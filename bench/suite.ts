/**
 * The measurements on one synthetic fleet: every row is a series of fresh `calico-gen` processes
 * with the fleet as working directory, each row saying what the caches held.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { clearCaches, describeCaches } from './cache';
import { changeOneRouter, commitFleet, editCluster, generateFleet, type GeneratedFleet } from './fleet/generator';
import { runProcess, summariseRuns, type ProcessRun, type RssMethod, type Stats } from './measure';

export type RowKind = 'synth-cold' | 'synth-warm' | 'validate' | 'review' | 'edit-loop' | 'validate-cluster' | 'pool-overlap' | 'ipam-json' | 'ipam-yaml' | 'ipam-api';

export interface Row extends Partial<Stats> {
  kind: RowKind;
  fleetSize: number;
  command: string;
  cacheState: string;
  note?: string;
  /** why the row has no figures (a command not there yet, or a failure) */
  skipped?: string;
  failed?: boolean;
}

export interface FleetFacts {
  size: number;
  dir: string;
  routers: number;
  groups: string[];
  generateSeconds: number;
  /** from the validation synth: objects and BGPPeers per cluster (min–max over the fleet) */
  objectsPerCluster: [number, number];
  bgpPeersPerCluster: [number, number];
  findings: { errors: number; warnings: number };
}

export interface SuiteContext {
  /** the frozen calico-gen build (bench/snapshot.ts) */
  cliRoot: string;
  workDir: string;
  runs: number;
  rss: RssMethod;
  log: (line: string) => void;
}

export interface SuiteOptions {
  size: number;
  /** also time the edit loop and `validate --cluster` (the issue asks it of the 1000-cluster fleet) */
  editLoop: boolean;
}

/** Exit statuses that mean "it worked": review may answer 2 (changes) in some modes. */
const SUCCESS: Record<string, number[]> = { synth: [0], validate: [0], review: [0, 2] };
const NOT_THERE = /unknown command|cannot find module|not implemented|not yet implemented/i;

export function measureFleet(context: SuiteContext, options: SuiteOptions): { facts: FleetFacts; rows: Row[]; fleet: GeneratedFleet } {
  const { size } = options;
  const started = process.hrtime.bigint();
  const fleet = generateFleet({ dir: path.join(context.workDir, `fleet-${size}`), clusters: size, projectRoot: context.cliRoot });
  commitFleet(fleet.dir);
  const generateSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  context.log(`fleet of ${size}: generated in ${generateSeconds.toFixed(1)} s at ${fleet.dir}`);

  const cli = (args: string[]) => runProcess({ command: process.execPath, args: [path.join(context.cliRoot, 'bin', 'calico-gen.js'), ...args], cwd: fleet.dir }, context.rss);
  const facts = validateFleet(fleet, cli, generateSeconds);
  context.log(`fleet of ${size}: synthesises cleanly (${facts.objectsPerCluster.join('–')} objects, ${facts.bgpPeersPerCluster.join('–')} BGPPeers per cluster; ${facts.findings.warnings} warning(s))`);

  const rows: Row[] = [];
  const series = (kind: RowKind, command: string, args: string[], setup: SeriesSetup) => {
    const row = timeSeries(context, fleet.dir, { kind, fleetSize: size, command, cacheState: '' }, args, cli, setup);
    context.log(formatProgress(row));
    rows.push(row);
  };
  const clusterX = fleet.clusters[Math.floor(size / 2)]!.name;

  series('synth-cold', 'synth', ['synth'], { cold: true, note: 'caches removed before each run; generated/ already up to date' });
  series('synth-warm', 'synth', ['synth'], { warmUp: true, note: 'nothing changed since the last synth' });
  series('validate', 'validate', ['validate'], { warmUp: true });
  const undo = changeOneRouter(fleet);
  try {
    series('review', 'review --base HEAD', ['review', '--base', 'HEAD'], { warmUp: true, note: `working tree: router ${fleet.routers[0]!.name} moved to a new IPv4 address (every cluster changes)` });
  } finally {
    undo();
  }
  if (options.editLoop) {
    const edited = fleet.clusters[size - 1]!;
    series('edit-loop', 'synth (one cluster file edited)', ['synth'], {
      warmUp: true,
      before: (run) => editCluster(fleet, edited, run + 1),
      after: () => editCluster(fleet, edited, 0),
      note: `edit loop: clusters/${edited.name}.ts changed before each run`,
    });
    series('validate-cluster', `validate --cluster ${clusterX}`, ['validate', '--cluster', clusterX], { warmUp: true });
  }
  return { facts, rows, fleet };
}

type Cli = (args: string[]) => ProcessRun;

interface SeriesSetup {
  /** remove the caches before every run */
  cold?: boolean;
  /** one untimed run first (it also tells whether the command exists yet) */
  warmUp?: boolean;
  before?: (run: number) => void;
  after?: () => void;
  note?: string;
}

function timeSeries(context: SuiteContext, fleetDir: string, base: Row, args: string[], cli: Cli, setup: SeriesSetup): Row {
  const row: Row = { ...base, ...(setup.note ? { note: setup.note } : {}) };
  const name = args[0]!;
  try {
    if (setup.warmUp) {
      const first = cli(args);
      if (!SUCCESS[name]!.includes(first.status)) {
        if (NOT_THERE.test(first.stderr)) return { ...row, cacheState: '-', skipped: `not available yet: ${firstLine(first.stderr)}` };
        throw new Error(`exit ${first.status}: ${firstLine(first.stderr)}`);
      }
    }
    const samples: ProcessRun[] = [];
    let cacheState = '';
    for (let run = 0; run < context.runs; run++) {
      if (setup.cold) clearCaches(fleetDir);
      // what the first timed run finds (an edited file adds its own transpile entry on each run)
      if (run === 0) cacheState = describeCaches(fleetDir);
      setup.before?.(run);
      const result = cli(args);
      if (!SUCCESS[name]!.includes(result.status)) {
        if (NOT_THERE.test(result.stderr)) return { ...row, cacheState: '-', skipped: `not available yet: ${firstLine(result.stderr)}` };
        throw new Error(`run ${run + 1} exited ${result.status}: ${firstLine(result.stderr)}`);
      }
      samples.push(result);
    }
    setup.after?.();
    return { ...row, cacheState, ...summariseRuns(samples) };
  } catch (error) {
    setup.after?.();
    return { ...row, cacheState: '-', skipped: `failed: ${(error as Error).message}`, failed: true };
  }
}

/** One synth before any timing: the fleet must come out clean, with the objects the issue describes. */
function validateFleet(fleet: GeneratedFleet, cli: Cli, generateSeconds: number): FleetFacts {
  clearCaches(fleet.dir);
  const result = cli(['synth', '--format', 'json']);
  const findings = parseFindings(result.stderr);
  if (result.status !== 0 || findings.errors > 0) {
    throw new Error(`the synthetic fleet of ${fleet.clusters.length} does not synthesise cleanly (exit ${result.status}):\n${result.stderr.slice(0, 4000)}`);
  }
  const objects: number[] = [];
  const peers: number[] = [];
  for (const plan of fleet.clusters) {
    const manifests = fs.readFileSync(path.join(fleet.dir, 'generated', plan.name, 'manifests.yaml'), 'utf8');
    objects.push((manifests.match(/^kind: /gm) ?? []).length);
    peers.push((manifests.match(/^kind: BGPPeer$/gm) ?? []).length);
  }
  const range = (values: number[]): [number, number] => [Math.min(...values), Math.max(...values)];
  return {
    size: fleet.clusters.length,
    // the folder's name: results hold no machine paths
    dir: path.basename(fleet.dir),
    routers: fleet.routers.length,
    groups: fleet.groups,
    generateSeconds,
    objectsPerCluster: range(objects),
    bgpPeersPerCluster: range(peers),
    findings,
  };
}

function parseFindings(stderr: string): { errors: number; warnings: number } {
  const start = stderr.indexOf('{');
  const end = stderr.lastIndexOf('}');
  if (start < 0 || end < start) return { errors: stderr.trim() === '' ? 0 : 1, warnings: 0 };
  try {
    const report = JSON.parse(stderr.slice(start, end + 1)) as { summary?: { errors?: number; warnings?: number } };
    return { errors: report.summary?.errors ?? 0, warnings: report.summary?.warnings ?? 0 };
  } catch {
    return { errors: 1, warnings: 0 };
  }
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}

function formatProgress(row: Row): string {
  if (row.skipped) return `  ${row.fleetSize} ${row.command}: ${row.skipped}`;
  return `  ${row.fleetSize} ${row.command} [${row.cacheState}]: median ${row.medianSeconds!.toFixed(2)} s (${row.minSeconds!.toFixed(2)}–${row.maxSeconds!.toFixed(2)}), peak ${row.peakRssMiB?.toFixed(0) ?? '?'} MiB`;
}
