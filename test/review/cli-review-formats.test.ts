import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../support/cli';
import { edit, fleetRepository, reviewJson } from './support';

test('no change: exit 0 even with --detailed-exitcode, and an empty list', () => {
  const repo = fleetRepository();
  const json = reviewJson(repo, '--base', 'HEAD', '--detailed-exitcode');
  assert.equal(json.status, 0, json.stderr);
  assert.deepEqual(json.review, { clusters: [] });
  const text = runCli(['review', '--base', 'HEAD'], { cwd: repo });
  assert.equal(text.status, 0);
  assert.match(text.stdout, /^review: base HEAD \([0-9a-f]{12}\) → head working tree: no cluster changes \(5 clusters compared\)$/m);
});

test('without --detailed-exitcode a change exits 0; text names each cluster, key and object', () => {
  const repo = fleetRepository();
  edit(repo, 'clusters/ams-staging.ts', "calicoVersion: '3.31.3'", "calicoVersion: '3.31.4'");
  const result = runCli(['review', '--base', 'main'], { cwd: repo });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /: 1 of 5 clusters changes$/m);
  assert.match(result.stdout, /^cluster ams-staging: 1 values key changed, 3 objects updated$/m);
  assert.match(result.stdout, /^  values keys changed: image\.tag$/m);
  for (const object of ['DaemonSet/calico-node', 'Deployment/calico-kube-controllers', 'Deployment/calico-typha']) {
    assert.match(result.stdout, new RegExp(`^  updated ${object}$`, 'm'));
  }
  assert.match(result.stdout, /^\+\s+image: registry\.example\.net\/calico\/node:v3\.31\.4$/m);
});

test('markdown: a summary table first, then one collapsible section per changed cluster', () => {
  const repo = fleetRepository();
  edit(repo, 'clusters/shared/groups/ml.ts', 'replicaCount: 2', 'replicaCount: 4');
  const result = runCli(['review', '--base', 'main', '--format', 'markdown'], { cwd: repo });
  assert.equal(result.status, 0, result.stderr);
  const text = result.stdout;
  const table = text.indexOf('| Cluster |');
  assert.ok(table > 0 && table < text.indexOf('<details>'), 'the table comes before the sections');
  assert.match(text, /^\| `ams-ml` \| 1 \| 0 \| 1 \| 0 \| 0 \| 0 \|$/m);
  assert.match(text, /^\| `fra-ml` \| 1 \| 0 \| 1 \| 0 \| 0 \| 0 \|$/m);
  assert.equal(text.match(/<details>/g)?.length, 2);
  assert.equal(text.match(/<\/details>/g)?.length, 2);
  assert.match(text, /<summary><code>ams-ml<\/code>: 1 values key changed, 1 object updated<\/summary>/);
  assert.match(text, /```diff\n--- a\/generated\/ams-ml\/calico-values\.yaml/);
  assert.match(text, /^- updated `Deployment\/calico-typha`$/m);
  assert.doesNotMatch(text, /<summary><code>ams-main/);
});
