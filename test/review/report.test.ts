import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changedPaths, formatValuePath } from '../../src/util/value-paths';
import { formatReview, MARKDOWN_LIMIT } from '../../src/report/review';
import type { Review } from '../../src/review/review';
import type { ClusterReview } from '../../src/review/compare';

test('changed keys: maps key by key, lists whole, a key on one side only once', () => {
  const before = { BGPPeers: { 'cr1-ams': { ipv4: '192.0.2.1', ipv6: '2001:db8::1' } }, typha: { tolerations: [{ key: 'a' }] }, veth_mtu: '0' };
  const after = { BGPPeers: { 'cr1-ams': { ipv4: '192.0.2.9', ipv6: '2001:db8::1' }, 'cr2-ams': { ipv4: '192.0.2.2' } }, typha: { tolerations: [{ key: 'b' }] } };
  assert.deepEqual(changedPaths(before, after).map(formatValuePath), ['BGPPeers.cr1-ams.ipv4', 'BGPPeers.cr2-ams', 'typha.tolerations', 'veth_mtu']);
  assert.equal(formatValuePath(['typha', 'nodeSelector', 'node-role.kubernetes.io/control-plane']), 'typha.nodeSelector["node-role.kubernetes.io/control-plane"]');
});

function reviewOf(clusters: ClusterReview[]): Review {
  return { base: { revision: 'main', commit: 'a'.repeat(40) }, head: { revision: 'working tree' }, clusters, clusterCount: clusters.length };
}

function bigCluster(name: string, lines: number): ClusterReview {
  const diff = `--- a/X\n+++ b/X\n@@ -1,${lines} +1,${lines} @@\n${'-old line of a long manifest\n+new line of a long manifest\n'.repeat(lines)}`;
  return {
    cluster: name,
    values: { changed: ['image.tag'], diff: '--- a/v\n+++ b/v\n@@ -1 +1 @@\n-  tag: 3.30.7\n+  tag: 3.31.0\n' },
    changes: [{ action: 'update', kind: 'DaemonSet', name: 'calico-node', diff }],
    findings: { introduced: [], fixed: [], acknowledged: [] },
  };
}

test('a markdown comment too long to post drops object diffs, keeps the table and every section', () => {
  const review = reviewOf(['a', 'b', 'c', 'd'].map((name) => bigCluster(name, 400)));
  const full = formatReview(reviewOf([bigCluster('a', 10)]), 'markdown');
  assert.match(full, /-old line of a long manifest/);
  const text = formatReview(review, 'markdown');
  assert.ok(text.length <= MARKDOWN_LIMIT, `${text.length} characters`);
  assert.doesNotMatch(text, /old line of a long manifest/);
  assert.match(text, /Some diffs are left out to fit a comment: run `calico-gen review --base main`/);
  assert.equal(text.match(/<details>/g)?.length, 4);
  assert.match(text, /-  tag: 3\.30\.7/, 'values diffs are kept while they fit');
});

test('a diff holding backticks is fenced with a longer fence', () => {
  const cluster = bigCluster('a', 1);
  cluster.changes[0]!.diff = '--- a/X\n+++ b/X\n@@ -1 +1 @@\n-note: ```\n+note: ````\n';
  const text = formatReview(reviewOf([cluster]), 'markdown');
  assert.match(text, /^  `````diff$/m);
});
