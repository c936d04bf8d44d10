/**
 * The live IPAM rows (issue 12 §7): `calico-gen capacity` on Kubernetes' largest supported
 * cluster, 5,000 nodes (test/support/ipam BENCH_PLAN), read from a `kubectl get -o json` dump, a
 * `-o yaml` dump, and the loopback fake API server with paged lists, each in fresh processes. The
 * fleet is one cluster definition with the dump's pools, in a folder of its own beside the others.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateIpamCluster } from '../test/support/ipam/cluster';
import { writeKubectlDump } from '../test/support/ipam/kubectl-format';
import { BENCH_PLAN } from '../test/support/ipam/presets';
import { runProcess, summariseRuns, type ProcessRun } from './measure';
import type { Row, RowKind, SuiteContext } from './suite';

export const IPAM_CLUSTER = 'ipam-5000';
const SERVER_START_SECONDS = 600;

/** The bench cluster's definition: BENCH_PLAN's pools, strict affinity, room planned for its 5,000 nodes. */
function definition(): string {
  const [ipv4, ipv6] = BENCH_PLAN.pools;
  return [
    `import { defineCluster } from 'calico-gen';`,
    ``,
    `export default defineCluster({`,
    `  name: '${IPAM_CLUSTER}',`,
    `  group: 'main',`,
    `  site: 'ams',`,
    `  kubeContext: '${IPAM_CLUSTER}',`,
    `  calicoVersion: '3.30.7',`,
    `  image: { repository: 'registry.example.net' },`,
    `  ipam: { strictAffinity: ${BENCH_PLAN.strictAffinity} },`,
    `  ipPools: { ipv4: { cidr: '${ipv4!.cidr}' }, ipv6: { cidr: '${ipv6!.cidr}' } },`,
    `  bgp: { asNumber: 64700, peerAsNumber: 65000, asLoop: 1 },`,
    `  capacity: { expectedNodes: ${BENCH_PLAN.nodes} },`,
    `});`,
    ``,
  ].join('\n');
}

export function measureLiveIpam(context: SuiteContext): Row[] {
  const dir = path.join(context.workDir, IPAM_CLUSTER);
  fs.mkdirSync(path.join(dir, 'clusters'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'clusters', `${IPAM_CLUSTER}.ts`), definition());
  fs.mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
  fs.symlinkSync(context.cliRoot, path.join(dir, 'node_modules', 'calico-gen'), 'dir');
  const cluster = generateIpamCluster(BENCH_PLAN);
  const { facts } = cluster;
  const about = `${BENCH_PLAN.nodes.toLocaleString('en')} nodes, ${facts.blocks.toLocaleString('en')} blocks, ${facts.slots.toLocaleString('en')} allocation slots`;
  context.log(`live IPAM: ${about}; writing the dumps...`);
  const megabytes = (format: 'json' | 'yaml') => (writeKubectlDump(path.join(dir, `cluster.${format}`), cluster.objects, format) / 1e6).toFixed(0);
  const json = megabytes('json');
  const yaml = megabytes('yaml');
  const cli = (args: string[]): ProcessRun => runProcess({ command: process.execPath, args: [path.join(context.cliRoot, 'bin', 'calico-gen.js'), 'capacity', '--cluster', IPAM_CLUSTER, '--format', 'json', ...args], cwd: dir }, context.rss);
  const rows = [
    series(context, 'ipam-json', `capacity --live-file (kubectl -o json, ${json} MB)`, `${about}; the dump as kubectl -o json prints it`, () => cli(['--live-file', 'cluster.json'])),
    series(context, 'ipam-yaml', `capacity --live-file (kubectl -o yaml, ${yaml} MB)`, `${about}; the dump as kubectl -o yaml prints it`, () => cli(['--live-file', 'cluster.yaml'])),
    withServer(context, dir, (kubeconfig) =>
      series(context, 'ipam-api', 'capacity --live (fake API server, paged)', `${about}; lists of 500 from the loopback fake API server in a process of its own`, () => cli(['--live', '--kubeconfig', kubeconfig]))),
  ];
  fs.rmSync(dir, { recursive: true, force: true });
  return rows;
}

function series(context: SuiteContext, kind: RowKind, command: string, note: string, run: () => ProcessRun): Row {
  const row: Row = { kind, fleetSize: 1, command, cacheState: 'n/a', note };
  const samples: ProcessRun[] = [];
  for (let i = 0; i < context.runs; i++) {
    const result = run();
    const problem = checkOutput(result);
    if (problem) return { ...row, skipped: `failed: ${problem}`, failed: true };
    samples.push(result);
  }
  const measured = { ...row, ...summariseRuns(samples) };
  context.log(`  ${command}: median ${measured.medianSeconds!.toFixed(2)} s, peak ${measured.peakRssMiB?.toFixed(0) ?? '?'} MiB`);
  return measured;
}

/** The run must have read the whole cluster: every node, no error. */
function checkOutput(result: ProcessRun): string | undefined {
  if (result.status !== 0) return `exit ${result.status}: ${result.stderr.trim().split('\n')[0]}`;
  const report = JSON.parse(result.stdout) as { clusters: { live?: { nodes: number } }[] };
  const nodes = report.clusters[0]?.live?.nodes;
  return nodes === BENCH_PLAN.nodes ? undefined : `read ${nodes} nodes, not ${BENCH_PLAN.nodes}`;
}

/** Starts the server child, runs `measure` with its kubeconfig, and stops it. */
function withServer(context: SuiteContext, dir: string, measure: (kubeconfig: string) => Row): Row {
  const ready = path.join(dir, 'ready');
  const child = spawn(process.execPath, [path.join(__dirname, 'ipam-server.js'), dir, IPAM_CLUSTER], { stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    context.log('  starting the fake API server with the 5,000-node cluster...');
    const deadline = Date.now() + SERVER_START_SECONDS * 1000;
    while (!fs.existsSync(ready)) {
      if (fs.existsSync(path.join(dir, 'failed')) || Date.now() > deadline) {
        return { kind: 'ipam-api', fleetSize: 1, command: 'capacity --live (fake API server, paged)', cacheState: 'n/a', skipped: 'failed: the fake API server did not start', failed: true };
      }
      // the bench is synchronous: sleep without spinning
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
    return measure(fs.readFileSync(ready, 'utf8').trim());
  } finally {
    child.kill();
  }
}
