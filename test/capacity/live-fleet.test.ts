// capacity --live over several clusters, and what the live state makes a warning or an error:
// one unreachable cluster is reported with its cause while the others complete; a pool with no
// room for another node fails the run (exit 1), one over 80 % of its slots warns.
import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startFakeApiServer, type FakeApiServer } from '../support/fake-apiserver';
import { kubectlYaml } from '../support/ipam/kubectl-format';
import { block, node, pool } from '../ipam/support';
import { cliEnv, ROOT, runCli } from '../live/support/cli';
import { closedPortUrl, writeKubeconfigFile } from '../live/support/kubeconfig-files';
import { CLUSTER, liveScenario } from './support/live-scenario';

describe('capacity --live --all', () => {
  let server: FakeApiServer;
  let home: string;
  let fleet: string;

  before(async () => {
    server = await startFakeApiServer({ objects: (await liveScenario()).objects });
    home = mkdtempSync(join(tmpdir(), 'calico-gen-capacity-all-'));
    // three clusters of the example fleet in a fleet of their own (beside clusters/, so their imports resolve)
    fleet = join(ROOT, `.test-fleet-capacity-${process.pid}`);
    mkdirSync(fleet);
    for (const entry of [`${CLUSTER}.ts`, 'ams-staging.ts', 'fra-ml.ts', 'shared']) cpSync(join(ROOT, 'clusters', entry), join(fleet, entry), { recursive: true });
  });

  after(async () => {
    await server.close();
    rmSync(home, { recursive: true, force: true });
    rmSync(fleet, { recursive: true, force: true });
  });

  test('an unreachable cluster is reported with its cause while the others complete', async () => {
    const reachable = { server: server.url, caPem: server.caPem, token: server.token };
    const file = writeKubeconfigFile(join(home, 'fleet.kubeconfig'), [
      { context: CLUSTER, ...reachable },
      { context: 'ams-staging', ...reachable },
      { context: 'fra-ml', ...reachable, server: await closedPortUrl() },
    ]);
    const args = ['capacity', '--live', '--all', '--clusters-dir', fleet, '--kubeconfig', file, '--concurrency', '2'];
    const json = await runCli([...args, '--format', 'json'], cliEnv(home));
    assert.equal(json.code, 1);
    const result = JSON.parse(json.stdout);
    assert.deepEqual(result.clusters.map((c: any) => [c.cluster, c.live?.nodes, typeof c.error]), [[CLUSTER, 200, 'undefined'], ['ams-staging', 200, 'undefined'], ['fra-ml', undefined, 'string']]);
    assert.match(result.clusters[2].error, /^cluster fra-ml, context fra-ml \(https:\/\/127\.0\.0\.1:1\): connection refused by 127\.0\.0\.1:1/);
    assert.deepEqual(json.stderr.trimEnd().split('\n'), [`calico-gen: capacity fra-ml: ${result.clusters[2].error}`]);
    const text = await runCli(args, cliEnv(home));
    assert.equal(text.code, 1);
    assert.match(text.stdout, /^fra-ml: not read: cluster fra-ml, context fra-ml \(https:\/\/127\.0\.0\.1:1\): connection refused/m);
    assert.match(text.stdout, /^ams-staging: 200 nodes, /m);
  });

  test('one cluster that cannot be read is the command\'s failure: one line, exit 1', async () => {
    const file = writeKubeconfigFile(join(home, 'refused.kubeconfig'), [{ context: 'fra-ml', server: await closedPortUrl(), caPem: server.caPem, token: server.token }]);
    const r = await runCli(['capacity', '--live', '--cluster', 'fra-ml', '--clusters-dir', fleet, '--kubeconfig', file], cliEnv(home));
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^calico-gen: cluster fra-ml, context fra-ml \(https:\/\/127\.0\.0\.1:1\): connection refused by 127\.0\.0\.1:1[^\n]*\n$/);
  });
});

describe('capacity --live-file: warnings and errors of the live state', () => {
  let home: string;

  before(() => {
    home = mkdtempSync(join(tmpdir(), 'calico-gen-capacity-full-'));
  });

  after(() => {
    rmSync(home, { recursive: true, force: true });
  });

  /** fra-ml's ipv4 pool as defined (10.73.0.0/21, /27 blocks: 64 slots), `claimed` of its nodes holding a block each, `idle` nodes none. */
  function dump(claimed: number, idle: number): string {
    const names = Array.from({ length: claimed + idle }, (_, i) => `gpu-${String(i).padStart(3, '0')}`);
    const objects = [
      ...names.map((name) => node(name)),
      pool('ipv4', '10.73.0.0/21', 27),
      ...names.slice(0, claimed).map((name, i) => block(`10.73.${Math.floor(i / 8)}.${(i % 8) * 32}/27`, { affinity: `host:${name}`, pods: { 0: undefined } })),
    ];
    const file = join(home, `fra-ml-${claimed}-${idle}.yaml`);
    writeFileSync(file, kubectlYaml(objects));
    return file;
  }

  const capacity = (file: string, format = 'text') => runCli(['capacity', '--cluster', 'fra-ml', '--live-file', file, '--format', format], cliEnv(home));

  test('a pool with a free slot for every node still to come: exit 0', async () => {
    const r = await capacity(dump(40, 0));
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /\n0 errors, 0 warnings\n$/);
  });

  test('over 80 % of the slots taken: a warning, exit 0', async () => {
    const r = await capacity(dump(52, 0), 'json');
    assert.equal(r.code, 0, r.stderr);
    const { findings, summary } = JSON.parse(r.stdout);
    assert.deepEqual(summary, { errors: 0, warnings: 1, acknowledged: 0 });
    assert.deepEqual(findings.map((f: any) => [f.rule, f.severity, f.cluster, f.object]), [['ipam-pool-nearly-full', 'warning', 'fra-ml', 'IPPool/ipv4']]);
    assert.match(findings[0].message, /52 of its 64 block slots are taken \(81\.2 %, above 80 %/);
  });

  test('no room for another node: an error, exit 1', async () => {
    const r = await capacity(dump(60, 4));
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^error ipam-pool-no-room-for-nodes: cluster fra-ml IPPool\/ipv4 \/spec\/cidr: pool ipv4 \(10\.73\.0\.0\/21, \/27 blocks\): no further node can get a block of its own \(4 free block slots and 4 nodes it picks still without a block\)/m);
    assert.match(r.stdout, /\n1 error, 1 warning\n$/);
  });
});
