import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { clusterSource, fleetProject, runCli } from '../support/cli';

const CLUSTERS = 20;

/**
 * A fleet whose definitions note the thread that loads them, and hold the calling thread (id 0)
 * 100 ms each, so that helper threads surely get some clusters even on a fast machine.
 */
function fleet(extra: Record<string, string> = {}): { dir: string; threadsSeen: () => Set<string> } {
  const files: Record<string, string> = { ...extra };
  for (let i = 0; i < CLUSTERS; i++) {
    const name = `ams-${String(i).padStart(2, '0')}`;
    files[`${name}.ts`] =
      `import { threadId } from 'node:worker_threads';\n` +
      `import { appendFileSync } from 'node:fs';\n` +
      `appendFileSync('threads.log', threadId + '\\n');\n` +
      `if (threadId === 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);\n` +
      clusterSource(name, '', { asNumber: 64601 + i, v4: `10.${64 + i}.0.0/17`, v6: `2001:db8:a00:${(0xc000 + i).toString(16)}::/64` });
  }
  const dir = fleetProject(files);
  return { dir, threadsSeen: () => new Set(fs.readFileSync(path.join(dir, 'threads.log'), 'utf8').trim().split('\n')) };
}

function generatedFiles(dir: string): Record<string, string> {
  const root = path.join(dir, 'generated');
  const files: Record<string, string> = {};
  for (const cluster of fs.readdirSync(root).sort()) {
    for (const name of fs.readdirSync(path.join(root, cluster)).sort()) files[`${cluster}/${name}`] = fs.readFileSync(path.join(root, cluster, name), 'utf8');
  }
  return files;
}

const oneThread = { CALICO_GEN_THREADS: '1' };
const threeThreads = { CALICO_GEN_THREADS: '3' };

test('clusters synthesised on helper threads give the same files as on one thread', () => {
  const single = fleet();
  const spread = fleet();
  const one = runCli(['synth'], { cwd: single.dir, env: oneThread });
  const three = runCli(['synth'], { cwd: spread.dir, env: threeThreads });
  assert.equal(one.status, 0, one.stderr);
  assert.equal(three.status, 0, three.stderr);
  assert.deepEqual(single.threadsSeen(), new Set(['0']));
  assert.ok(spread.threadsSeen().size > 1, `only threads ${[...spread.threadsSeen()]} loaded definitions`);
  assert.deepEqual(generatedFiles(spread.dir), generatedFiles(single.dir));
  assert.equal(Object.keys(generatedFiles(spread.dir)).length, 2 * CLUSTERS);
});

test('findings made on helper threads, fleet rules included, are those of one thread', () => {
  // ams-00 and the extra cluster overlap: a fleet finding; the extra cluster's pool is also too small
  const overlapping = clusterSource('fra-xx', "capacity: { expectedNodes: 400 },", { asNumber: 64700, v4: '10.64.64.0/18', v6: '2001:db8:f00:c000::/64' });
  const single = fleet({ 'fra-xx.ts': overlapping });
  const spread = fleet({ 'fra-xx.ts': overlapping });
  const one = runCli(['validate', '--format', 'json'], { cwd: single.dir, env: oneThread });
  const three = runCli(['validate', '--format', 'json'], { cwd: spread.dir, env: threeThreads });
  assert.equal(one.status, 1);
  assert.equal(three.status, 1);
  assert.ok(spread.threadsSeen().size > 1);
  assert.match(three.stdout, /"rule": "pool-overlap"/);
  assert.equal(three.stdout.replaceAll(spread.dir, '<dir>'), one.stdout.replaceAll(single.dir, '<dir>'));
});

test('with helper threads, a definition that throws is reported on one line, and nothing is written', () => {
  const broken = `throw new Error('no routers file');\n`;
  const { dir, threadsSeen } = fleet({ 'zzz-broken.ts': broken });
  const result = runCli(['synth'], { cwd: dir, env: threeThreads });
  assert.equal(result.status, 1);
  assert.ok(threadsSeen().size > 1);
  assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
  assert.match(result.stderr, /zzz-broken\.ts: cluster zzz-broken: the definition threw: no routers file/);
  assert.ok(!fs.existsSync(path.join(dir, 'generated')));
});
