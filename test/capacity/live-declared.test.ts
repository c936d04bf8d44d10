// capacity --live keeps what capacity says of the declared pools: the per-family judgement (marks
// over 80 % and 100 %, `families` in JSON, exit 1 over 100 %) beside each pool's live figures; its
// dump goes through the input limit; its kube flags are diff's (--kube-context, --context deprecated).
import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { kubectlYaml } from '../support/ipam/kubectl-format';
import { block, node, pool } from '../ipam/support';
import { cliEnv, ROOT, runCli } from '../live/support/cli';
import { liveCapacity } from '../../src/api/capacity-live';

describe('capacity --live-file with the declared figures', () => {
  let home: string;
  let fleet: string;

  before(() => {
    home = mkdtempSync(join(tmpdir(), 'calico-gen-capacity-declared-'));
    // a fleet of its own beside clusters/, so that the definitions' imports resolve
    fleet = join(ROOT, `.test-fleet-capacity-declared-${process.pid}`);
    mkdirSync(fleet);
    for (const entry of ['fra-ml.ts', 'shared']) cpSync(join(ROOT, 'clusters', entry), join(fleet, entry), { recursive: true });
  });

  after(() => {
    rmSync(home, { recursive: true, force: true });
    rmSync(fleet, { recursive: true, force: true });
  });

  /** fra-ml's ipv4 pool (10.73.0.0/21 of /27 blocks: 32 nodes of 60 pods) expecting `expected` nodes; over 32 the pool-capacity error is acknowledged. */
  function expecting(expected: number): void {
    const source = readFileSync(join(ROOT, 'clusters', 'fra-ml.ts'), 'utf8');
    const acknowledge = expected > 32 ? `acknowledge: [{ rule: 'pool-capacity', reason: 'T1: a larger pool is on its way', until: '2099-12-31' }],\n  ` : '';
    const written = source.replace('capacity: { expectedNodes: 24 },', `${acknowledge}capacity: { expectedNodes: ${expected} },`);
    assert.ok(expected === 24 || written !== source, "fra-ml.ts no longer sets capacity: { expectedNodes: 24 }");
    writeFileSync(join(fleet, 'fra-ml.ts'), written);
  }

  /** 20 nodes of fra-ml, each holding a block of its ipv4 pool. */
  function dump(): string {
    const names = Array.from({ length: 20 }, (_, i) => `gpu-${String(i).padStart(3, '0')}`);
    const objects = [
      ...names.map((name) => node(name)),
      pool('ipv4', '10.73.0.0/21', 27),
      ...names.map((name, i) => block(`10.73.${Math.floor(i / 8)}.${(i % 8) * 32}/27`, { affinity: `host:${name}`, pods: { 0: undefined } })),
    ];
    const file = join(home, 'fra-ml.yaml');
    writeFileSync(file, kubectlYaml(objects));
    return file;
  }

  const capacity = (args: string[]) => runCli(['capacity', '--clusters-dir', fleet, '--cluster', 'fra-ml', '--live-file', dump(), ...args], cliEnv(home));

  test('a family over 100 % of its expected nodes: marked, in families, and exit 1 while the live state has no error', async () => {
    expecting(40);
    const json = await capacity(['-o', 'json']);
    assert.equal(json.code, 1, json.stderr);
    assert.equal(json.stderr, 'calico-gen: capacity: cluster fra-ml: 40 expected nodes are 125.0% of the 32 the IPv4 pools (ipv4) hold\n');
    const [cluster] = JSON.parse(json.stdout).clusters;
    assert.deepEqual(cluster.families[0], { family: 4, pools: ['ipv4'], maxNodes: 32, expectedNodes: 40, utilisation: 125, status: 'error' });
    const ipv4 = cluster.pools.find((p: { name: string }) => p.name === 'ipv4');
    assert.deepEqual([ipv4.maxNodes, ipv4.live.blocksClaimed, ipv4.live.nodesWithBlocks], [32, 20, 20]);
    assert.deepEqual(JSON.parse(json.stdout).summary, { errors: 0, warnings: 0, acknowledged: 0 });
    const text = await capacity([]);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /^fra-ml\s+ipv4\s+10\.73\.0\.0\/21\s+27\s+64\s+32\s+2\s+32\s+40\s+125\.0% over 100%$/m);
    assert.match(text.stdout, /^fra-ml\s+ipv4\s+20\s+44\s+0\s+/m);
    const markdown = await capacity(['-o', 'markdown']);
    assert.match(markdown.stdout, /^\| fra-ml \| ipv4 \| 10\.73\.0\.0\/21 \| 27 \| 64 \| 32 \| 2 \| 32 \| 40 \| 125\.0% over 100% \|$/m);
  });

  test('over 80 %: marked, exit 0', async () => {
    expecting(28);
    const text = await capacity([]);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /\s87\.5% over 80%$/m);
    assert.equal(text.stderr, '');
  });

  test('a dump over --max-input-size is refused before it is read, in one line naming it', async () => {
    expecting(24);
    const r = await capacity(['--max-input-size', '1KiB']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^calico-gen: --live-file \S*fra-ml\.yaml: is [\d.]+ KiB, more than the input size limit of 1 ?KiB: pass --max-input-size \S+ to read it\n$/);
    assert.equal(r.stdout, '');
  });

  test('--out that cannot be written is one line naming it; a page is written whole or not at all', async () => {
    expecting(24);
    const folder = join(home, 'reports');
    mkdirSync(folder, { recursive: true });
    const intoFolder = await capacity(['-o', 'html', '--out', folder]);
    assert.equal(intoFolder.code, 1);
    assert.match(intoFolder.stderr, /^calico-gen: cannot write \S*reports: .*; nothing was changed\n$/);
    const page = join(folder, 'fra-ml.html');
    const written = await capacity(['-o', 'html', '--out', page]);
    assert.equal(written.code, 0, written.stderr);
    assert.match(readFileSync(page, 'utf8'), /^<!doctype html>/i);
  });

  test('--kube-context as diff takes it; --context still works, with the same deprecation note', async () => {
    expecting(24);
    const old = await capacity(['--context', 'fra-ml']);
    assert.equal(old.code, 0, old.stderr);
    assert.equal(old.stderr, 'calico-gen: warning: capacity: --context is deprecated: use --kube-context (in helm-diff, --context means lines of diff context)\n');
    const both = await capacity(['--context', 'fra-ml', '--kube-context', 'fra-ml']);
    assert.deepEqual([both.code, both.stderr], [1, 'calico-gen: capacity: --context is the old name of --kube-context: pass only --kube-context\n']);
    const plain = await runCli(['capacity', '--clusters-dir', fleet, '--kube-context', 'fra-ml'], cliEnv(home));
    assert.deepEqual([plain.code, plain.stderr], [1, 'calico-gen: capacity: --kube-context goes with --live\n']);
  });

  test('the run tells its progress (the CLI draws it on a terminal): the dump before it is read, then each cluster read', async () => {
    expecting(24);
    const heard: string[] = [];
    const file = dump();
    const run = await liveCapacity({
      clustersDir: fleet,
      clusters: ['fra-ml'],
      liveFile: file,
      env: {},
      cwd: home,
      onProgress: (step) => heard.push(step.phase === 'dump' ? `dump ${step.file}` : `${step.phase} ${step.done}/${step.total}`),
    });
    assert.deepEqual(run.outcomes.flatMap((outcome) => ('error' in outcome ? [outcome.error] : [])), []);
    assert.deepEqual(heard.filter((step) => !step.startsWith('synthesise')), [`dump ${file}`, 'read 1/1']);
  });
});
