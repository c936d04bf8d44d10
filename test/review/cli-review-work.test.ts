/**
 * Review does only the work a change needs, and not in the calico-gen process: a cluster whose
 * inputs are the same bytes in both revisions is evaluated once; one that changed, once per side;
 * every evaluation happens in a worker process.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, tempDir } from '../support/cli';
import { commitAll, edit, exampleClusters, fleetRepository, reviewJson } from './support';

test('review evaluates a cluster whose inputs did not change once, a changed one once per revision, in worker processes', () => {
  const repo = fleetRepository();
  // each definition notes who evaluated it; the log is outside the repository, so no revision reads it
  const log = path.join(tempDir('review-evaluations'), 'evaluated.log');
  for (const name of exampleClusters) {
    const file = path.join(repo, 'clusters', `${name}.ts`);
    const note = `import { appendFileSync } from 'node:fs';\nappendFileSync(${JSON.stringify(log)}, ${JSON.stringify(name)} + ' ' + process.pid + '\\n');\n`;
    fs.writeFileSync(file, note + fs.readFileSync(file, 'utf8'));
  }
  commitAll(repo, 'definitions that note their evaluation');
  edit(repo, 'clusters/fra-ml.ts', 'asNumber: 64622', 'asNumber: 64623');

  const { status, review, stderr, pid } = reviewJson(repo, '--base', 'main');
  assert.equal(status, 0, stderr);
  assert.deepEqual(review.clusters.map((c) => c.cluster), ['fra-ml'], 'only the changed cluster is reported');
  const evaluations = fs.readFileSync(log, 'utf8').trim().split('\n').map((line) => line.split(' '));
  const count = (name: string) => evaluations.filter(([cluster]) => cluster === name).length;
  assert.deepEqual(Object.fromEntries(exampleClusters.map((name) => [name, count(name)])), { 'ams-main': 1, 'ams-ml': 1, 'ams-staging': 1, 'fra-main': 1, 'fra-ml': 2 });
  assert.ok(evaluations.every(([, by]) => Number(by) !== pid), 'no definition evaluated by the calico-gen process itself');
});

test('with the cache synth keeps, an unchanged cluster is not evaluated at all; --no-cache evaluates every one, and neither reads nor writes that cache', () => {
  const repo = fleetRepository();
  const log = path.join(tempDir('review-evaluations'), 'evaluated.log');
  for (const name of exampleClusters) {
    const file = path.join(repo, 'clusters', `${name}.ts`);
    fs.writeFileSync(file, `import { appendFileSync } from 'node:fs';\nappendFileSync(${JSON.stringify(log)}, ${JSON.stringify(name)} + '\\n');\n` + fs.readFileSync(file, 'utf8'));
  }
  commitAll(repo, 'definitions that note their evaluation');
  const env = { CALICO_GEN_CACHE_DIR: tempDir('review-cache') };
  assert.equal(runCli(['synth'], { cwd: repo, env }).status, 0);
  edit(repo, 'clusters/fra-ml.ts', 'asNumber: 64622', 'asNumber: 64623');
  const review = (...extra: string[]) => {
    fs.rmSync(log, { force: true });
    const run = runCli(['review', '--base', 'main', '--format', 'json', ...extra], { cwd: repo, env });
    assert.equal(run.status, 0, run.stderr);
    const counts: Record<string, number> = {};
    for (const name of fs.readFileSync(log, 'utf8').trim().split('\n')) counts[name] = (counts[name] ?? 0) + 1;
    return { counts, review: JSON.parse(run.stdout) as unknown };
  };

  const cached = review();
  assert.deepEqual(cached.counts, { 'fra-ml': 2 });
  const before = cacheFiles(env.CALICO_GEN_CACHE_DIR);
  const uncached = review('--no-cache');
  assert.deepEqual(uncached.counts, { 'ams-main': 1, 'ams-ml': 1, 'ams-staging': 1, 'fra-main': 1, 'fra-ml': 2 });
  assert.deepEqual(uncached.review, cached.review, 'the cache changes the work, never the answer');
  assert.deepEqual(cacheFiles(env.CALICO_GEN_CACHE_DIR), before);
});

/** Every file under the cache folder with its bytes and modification time. */
function cacheFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    files[path.relative(dir, file)] = `${fs.statSync(file).mtimeMs} ${fs.readFileSync(file, 'base64')}`;
  }
  return files;
}
