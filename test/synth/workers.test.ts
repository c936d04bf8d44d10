import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { clusterSource, fleetProject, runCli } from '../support/cli';

const CLUSTERS = 20;

/**
 * A fleet whose definitions note the worker process that evaluates them, and take 100 ms each, so
 * that every worker surely gets some clusters even on a fast machine.
 */
function fleet(extra: Record<string, string> = {}): { dir: string; workersSeen: () => Set<string> } {
  const files: Record<string, string> = { ...extra };
  for (let i = 0; i < CLUSTERS; i++) {
    const name = `ams-${String(i).padStart(2, '0')}`;
    files[`${name}.ts`] =
      `import { appendFileSync } from 'node:fs';\n` +
      `appendFileSync('workers.log', process.pid + '\\n');\n` +
      `Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);\n` +
      clusterSource(name, '', { asNumber: 64601 + i, v4: `10.${64 + i}.0.0/17`, v6: `2001:db8:a00:${(0xc000 + i).toString(16)}::/64` });
  }
  const dir = fleetProject(files);
  return { dir, workersSeen: () => new Set(fs.readFileSync(path.join(dir, 'workers.log'), 'utf8').trim().split('\n')) };
}

function generatedFiles(dir: string): Record<string, string> {
  const root = path.join(dir, 'generated');
  const files: Record<string, string> = {};
  for (const cluster of fs.readdirSync(root).sort()) {
    for (const name of fs.readdirSync(path.join(root, cluster)).sort()) files[`${cluster}/${name}`] = fs.readFileSync(path.join(root, cluster, name), 'utf8');
  }
  return files;
}

const oneWorker = { CALICO_GEN_WORKERS: '1' };
// the older name still counts
const threeWorkers = { CALICO_GEN_THREADS: '3' };

test('clusters synthesised by several worker processes give the same files as by one', () => {
  const single = fleet();
  const spread = fleet();
  const one = runCli(['synth'], { cwd: single.dir, env: oneWorker });
  const three = runCli(['synth'], { cwd: spread.dir, env: threeWorkers });
  assert.equal(one.status, 0, one.stderr);
  assert.equal(three.status, 0, three.stderr);
  assert.equal(single.workersSeen().size, 1);
  assert.ok(spread.workersSeen().size > 1, `only workers ${[...spread.workersSeen()]} evaluated definitions`);
  assert.deepEqual(generatedFiles(spread.dir), generatedFiles(single.dir));
  assert.equal(Object.keys(generatedFiles(spread.dir)).length, 2 * CLUSTERS);
});

test('findings made by several workers, fleet rules included, are those of one', () => {
  // ams-00 and the extra cluster overlap: a fleet finding; the extra cluster's pool is also too small
  const overlapping = clusterSource('fra-xx', "capacity: { expectedNodes: 400 },", { asNumber: 64700, v4: '10.64.64.0/18', v6: '2001:db8:f00:c000::/64' });
  const single = fleet({ 'fra-xx.ts': overlapping });
  const spread = fleet({ 'fra-xx.ts': overlapping });
  const one = runCli(['validate', '--format', 'json'], { cwd: single.dir, env: oneWorker });
  const three = runCli(['validate', '--format', 'json'], { cwd: spread.dir, env: threeWorkers });
  assert.equal(one.status, 1);
  assert.equal(three.status, 1);
  assert.ok(spread.workersSeen().size > 1);
  assert.match(three.stdout, /"rule": "pool-overlap"/);
  assert.equal(three.stdout.replaceAll(spread.dir, '<dir>'), one.stdout.replaceAll(single.dir, '<dir>'));
});

test('with several workers, a definition that throws is reported on one located line, and nothing is written', () => {
  const broken = `\n\nthrow new Error('no routers file');\n`;
  const { dir, workersSeen } = fleet({ 'zzz-broken.ts': broken });
  const result = runCli(['synth'], { cwd: dir, env: threeWorkers });
  assert.equal(result.status, 1);
  assert.ok(workersSeen().size > 1);
  assert.deepEqual(
    result.stderr.split('\n').filter((line) => /^\S+: error [a-z-]+: /.test(line)),
    ['clusters/zzz-broken.ts:3:7: error definition-evaluation: cluster zzz-broken ClusterDefinition: the definition threw Error: no routers file'],
  );
  assert.ok(!fs.existsSync(path.join(dir, 'generated')));
});
