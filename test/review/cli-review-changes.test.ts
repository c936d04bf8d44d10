import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { commitAll, edit, exampleClusters, fleetRepository, git, reviewJson } from './support';

test('a router\'s new address shows in every cluster, as that one key and its BGPPeer', () => {
  const repo = fleetRepository();
  edit(repo, 'clusters/shared/routers.ts', "ipv4: '192.0.2.1'", "ipv4: '192.0.2.9'");
  const { status, review, stderr } = reviewJson(repo, '--base', 'main', '--detailed-exitcode');
  assert.equal(status, 2, stderr);
  assert.deepEqual(review.clusters.map((c) => c.cluster), exampleClusters);
  for (const cluster of review.clusters) {
    assert.deepEqual(Object.keys(cluster), ['cluster', 'values', 'changes', 'findings']);
    assert.deepEqual(cluster.values.changed, ['BGPPeers.cr1-ams.ipv4']);
    // written as generated/ writes it
    assert.match(cluster.values.diff, /^-    ipv4: "192\.0\.2\.1"$/m);
    assert.match(cluster.values.diff, /^\+    ipv4: "192\.0\.2\.9"$/m);
    assert.deepEqual(cluster.changes.map(({ action, kind, name }) => ({ action, kind, name })), [{ action: 'update', kind: 'BGPPeer', name: 'cr1-ams-ipv4' }]);
    assert.match(cluster.changes[0]!.diff, /^-  peerIP: "192\.0\.2\.1"\n\+  peerIP: "192\.0\.2\.9"$/m);
    assert.deepEqual(cluster.findings, { introduced: [], fixed: [], acknowledged: [] });
  }
});

test('a change to one cluster shows in that cluster alone; the working tree is left as it was', () => {
  const repo = fleetRepository();
  edit(repo, 'clusters/fra-ml.ts', "blockSize: 27 }", "blockSize: 28 }");
  commitAll(repo, 'smaller blocks for fra-ml');
  fs.writeFileSync(path.join(repo, 'clusters', 'ams-main.ts'), '// half-edited, not loadable: review of two commits must not read it\n(');
  const before = git(repo, 'status', '--porcelain');
  const { status, review, stderr } = reviewJson(repo, '--base', 'HEAD~1', '--head', 'HEAD', '--detailed-exitcode');
  // a blockSize changed in place is refused (cli-review-refusals.test.ts)
  assert.equal(status, 1, stderr);
  assert.deepEqual(review.clusters.map((c) => c.cluster), ['fra-ml']);
  assert.deepEqual(review.clusters[0]!.values.changed, ['IPPools.ipv4.blockSize']);
  assert.deepEqual(review.clusters[0]!.changes.map((c) => `${c.action} ${c.kind}/${c.name}`), ['update IPPool/ipv4']);
  assert.equal(git(repo, 'status', '--porcelain'), before);
  assert.deepEqual(git(repo, 'worktree', 'list', '--porcelain').match(/^worktree /gm)?.length, 1);
});

test('a new cluster is all creates, a removed one all deletes', () => {
  const repo = fleetRepository();
  fs.writeFileSync(
    path.join(repo, 'clusters', 'ams-edge.ts'),
    fs.readFileSync(path.join(repo, 'clusters', 'fra-ml.ts'), 'utf8').replace("name: 'fra-ml'", "name: 'ams-edge'").replace('10.73.0.0/21', '10.66.0.0/21').replace('2001:db8:f00:e000::/64', '2001:db8:a00:e100::/64').replace('64622', '64623'),
  );
  fs.rmSync(path.join(repo, 'clusters', 'ams-ml.ts'));
  const { status, review, stderr } = reviewJson(repo, '--base', 'main');
  assert.equal(status, 0, stderr);
  const byName = new Map(review.clusters.map((c) => [c.cluster, c]));
  assert.deepEqual([...byName.keys()], ['ams-edge', 'ams-ml']);
  assert.ok(byName.get('ams-edge')!.changes.length > 20);
  assert.ok(byName.get('ams-edge')!.changes.every((c) => c.action === 'create'));
  assert.ok(byName.get('ams-ml')!.changes.every((c) => c.action === 'delete'));
  assert.equal(byName.get('ams-ml')!.changes.length, byName.get('ams-edge')!.changes.length);
  assert.ok(byName.get('ams-edge')!.values.changed.includes('IPPools'));
});
