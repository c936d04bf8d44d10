/**
 * Review starts its worker processes before it knows its jobs (while the revisions are exported and
 * the cache read). Whatever the jobs turn out to be (none, or a failure before there are any), no
 * worker may outlive the command.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { runCli } from '../support/cli';
import { edit, fleetRepository } from './support';

/** Processes still running whose environment carries `mark` (the workers inherit the command's). */
function processesMarked(mark: string): number[] {
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`REVIEW_TEST_MARK=${mark}`);
      } catch {
        return false; // ended meanwhile, or not ours to read
      }
    })
    .map(Number);
}

async function settled(mark: string): Promise<number[]> {
  const deadline = Date.now() + 5000;
  let left = processesMarked(mark);
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    left = processesMarked(mark);
  }
  return left;
}

const linux = fs.existsSync('/proc/self/environ') ? false : 'no /proc';

test('a review with nothing for the workers to do, or one that fails before, leaves no worker behind', { skip: linux }, async () => {
  const repo = fleetRepository();
  // every cluster of both sides is in the cache with the same output: no job at all
  assert.equal(runCli(['synth'], { cwd: repo }).status, 0);
  const idle = runCli(['review', '--base', 'main', '--format', 'json'], { cwd: repo, env: { REVIEW_TEST_MARK: 'idle', CALICO_GEN_WORKERS: '2' } });
  assert.equal(idle.status, 0, idle.stderr);
  assert.deepEqual((JSON.parse(idle.stdout) as { clusters: unknown[] }).clusters, []);
  assert.deepEqual(await settled('idle'), []);

  // the jobs never come: the --cluster name is refused once the revisions are read
  edit(repo, 'clusters/shared/routers.ts', "ipv4: '192.0.2.1'", "ipv4: '192.0.2.9'");
  const refused = runCli(['review', '--base', 'main', '--cluster', 'nowhere'], { cwd: repo, env: { REVIEW_TEST_MARK: 'refused', CALICO_GEN_WORKERS: '2' } });
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /^calico-gen: review: unknown cluster nowhere: neither revision defines it/);
  assert.equal(refused.stderr.split('\n').filter(Boolean).length, 1, refused.stderr);
  assert.deepEqual(await settled('refused'), []);
});
