import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../support/cli';
import { commitAll, edit, fleetRepository, reviewJson } from './support';

test('a definition that breaks introduces findings (exit 1); repairing it fixes them', () => {
  const repo = fleetRepository();
  edit(repo, 'clusters/fra-ml.ts', 'asNumber: 64622', 'asNumber: -1');
  const broken = reviewJson(repo, '--base', 'main', '--detailed-exitcode');
  assert.equal(broken.status, 1);
  assert.match(broken.stderr, /the change introduces 1 error finding/);
  assert.deepEqual(broken.review.clusters.map((c) => c.cluster), ['fra-ml']);
  const [cluster] = broken.review.clusters;
  assert.deepEqual(cluster!.findings.introduced.map((f) => `${f.severity} ${f.rule}`), ['error definition-schema']);
  assert.deepEqual(cluster!.changes, [], 'a cluster that does not resolve has no objects to compare');
  assert.match(JSON.stringify(cluster!.findings.introduced[0]), /"file":"clusters\/fra-ml\.ts"/);

  commitAll(repo, 'broken');
  edit(repo, 'clusters/fra-ml.ts', 'asNumber: -1', 'asNumber: 64622');
  const repaired = reviewJson(repo, '--base', 'HEAD', '--detailed-exitcode');
  assert.equal(repaired.status, 2, repaired.stderr);
  assert.deepEqual(repaired.review.clusters[0]!.findings.fixed.map((f) => f.rule), ['definition-schema']);
});

test('--cluster narrows the report; unknown revisions and clusters fail with one line', () => {
  const repo = fleetRepository();
  edit(repo, 'clusters/shared/routers.ts', "ipv4: '192.0.2.1'", "ipv4: '192.0.2.9'");
  const narrowed = reviewJson(repo, '--base', 'main', '--cluster', 'fra-main');
  assert.deepEqual(narrowed.review.clusters.map((c) => c.cluster), ['fra-main']);
  const badRevision = runCli(['review', '--base', 'no-such-branch'], { cwd: repo });
  assert.equal(badRevision.status, 1);
  assert.equal(badRevision.stderr, 'calico-gen: review: unknown revision "no-such-branch": name a commit, branch or tag of this repository\n');
  const badCluster = runCli(['review', '--base', 'main', '--cluster', 'nowhere'], { cwd: repo });
  assert.equal(badCluster.status, 1);
  assert.match(badCluster.stderr, /^calico-gen: review: unknown cluster nowhere: neither revision defines it/);
  const noBase = runCli(['review'], { cwd: repo });
  assert.equal(noBase.status, 1);
  assert.match(noBase.stderr, /--base REV is required/);
});
