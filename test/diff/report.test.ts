import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDiffs, planLine, wantsColour } from '../../src/report/diff';
import type { ClusterOutcome, ClusterDiff } from '../../src/diff/types';

function sample(overrides: Partial<ClusterDiff> = {}): ClusterDiff {
  return {
    cluster: 'ams-main',
    source: 'context ams-main (https://10.0.0.1:6443)',
    release: { name: 'calico', namespace: 'kube-system' },
    changes: [
      { action: 'update', apiVersion: 'crd.projectcalico.org/v1', kind: 'BGPPeer', name: 'cr1-ams-ipv4', namespace: null, managed: true, diff: '--- live/BGPPeer/cr1-ams-ipv4\n+++ desired/BGPPeer/cr1-ams-ipv4\n@@ -1,1 +1,1 @@\n-  peerIP: 192.0.2.111\n+  peerIP: 192.0.2.1\n' },
      { action: 'delete', apiVersion: 'crd.projectcalico.org/v1', kind: 'IPPool', name: 'default-ipv4-ippool', namespace: null, managed: false, diff: '--- live/IPPool/default-ipv4-ippool\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-kind: IPPool\n' },
      { action: 'create', apiVersion: 'v1', kind: 'ConfigMap', name: 'extra', namespace: 'kube-system', managed: null, diff: '--- /dev/null\n+++ desired/ConfigMap/kube-system/extra\n@@ -0,0 +1,1 @@\n+kind: ConfigMap\n' },
    ],
    values: { changed: true, diff: '--- live/values\n+++ desired/values\n@@ -1,1 +1,1 @@\n-veth_mtu: "1450"\n+veth_mtu: "0"\n' },
    summary: { create: 1, update: 1, delete: 1, unchanged: 45 },
    findings: [{ rule: 'ippool-delete-enabled', severity: 'warning', cluster: 'ams-main', object: 'IPPool/default-ipv4-ippool', path: '/spec/disabled', message: 'is enabled' }],
    ...overrides,
  };
}

test('JSON has exactly the documented shape', () => {
  const json = JSON.parse(formatDiffs([{ cluster: 'ams-main', diff: sample() }], { format: 'json', colour: false, single: true }));
  assert.deepEqual(Object.keys(json), ['cluster', 'changes', 'values', 'summary', 'findings']);
  assert.equal(json.cluster, 'ams-main');
  for (const change of json.changes) assert.deepEqual(Object.keys(change), ['action', 'kind', 'name', 'namespace', 'managed', 'diff']);
  assert.deepEqual(json.changes.map((c: any) => [c.action, c.kind, c.name, c.namespace, c.managed]), [
    ['update', 'BGPPeer', 'cr1-ams-ipv4', null, true],
    ['delete', 'IPPool', 'default-ipv4-ippool', null, false],
    ['create', 'ConfigMap', 'extra', 'kube-system', null],
  ]);
  assert.deepEqual(Object.keys(json.values), ['changed', 'diff', 'compared']);
  assert.deepEqual(json.summary, { create: 1, update: 1, delete: 1, unchanged: 45 });
  assert.deepEqual(Object.keys(json.findings[0]), ['rule', 'severity', 'cluster', 'object', 'path', 'message']);
});

test('JSON of several clusters is an array; a cluster that could not be read carries its error', () => {
  const outcomes: ClusterOutcome[] = [{ cluster: 'ams-main', diff: sample() }, { cluster: 'fra-main', error: 'connection refused' }];
  const json = JSON.parse(formatDiffs(outcomes, { format: 'json', colour: false, single: false }));
  assert.equal(json.length, 2);
  assert.deepEqual(json[1], { cluster: 'fra-main', error: 'connection refused' });
});

test('the plan line counts changes and unmanaged deletes', () => {
  assert.equal(planLine(sample()), '1 to create, 1 to update, 1 to delete (1 unmanaged); release values change; 45 unchanged');
  const refused = sample({ findings: [{ rule: 'ippool-cidr-changed', severity: 'error', cluster: 'ams-main', object: 'IPPool/ipv4', path: '/spec/cidr', message: 'm' }] });
  assert.match(planLine(refused), /; 1 error: helmfile apply would fail$/);
});

test('text shows each change with its diff and closes with the plan line; colour only when asked', () => {
  const plain = formatDiffs([{ cluster: 'ams-main', diff: sample() }], { format: 'text', colour: false, single: true });
  assert.doesNotMatch(plain, /\x1b\[/);
  assert.match(plain, /^~ update BGPPeer\/cr1-ams-ipv4 \(release calico\)\n--- live\/BGPPeer/m);
  assert.match(plain, /^- delete IPPool\/default-ipv4-ippool \(unmanaged: Helm will not remove it; clean it up by hand\)$/m);
  assert.match(plain, /^\+ create ConfigMap\/kube-system\/extra$/m);
  assert.match(plain, /^~ release values\n--- live\/values/m);
  assert.match(plain, /^warning ippool-delete-enabled: IPPool\/default-ipv4-ippool \/spec\/disabled: is enabled$/m);
  assert.match(plain, /Plan ams-main: 1 to create, 1 to update, 1 to delete \(1 unmanaged\)[^\n]*\n$/);
  const coloured = formatDiffs([{ cluster: 'ams-main', diff: sample() }], { format: 'text', colour: true, single: true });
  assert.match(coloured, /\x1b\[31m-  peerIP: 192\.0\.2\.111\x1b\[0m/);
  assert.match(coloured, /\x1b\[32m\+  peerIP: 192\.0\.2\.1\x1b\[0m/);
});

test('colour on a terminal unless NO_COLOR is set and not empty', () => {
  assert.equal(wantsColour({ isTTY: true }, {}), true);
  assert.equal(wantsColour({ isTTY: true }, { NO_COLOR: '1' }), false);
  assert.equal(wantsColour({ isTTY: true }, { NO_COLOR: '' }), true);
  assert.equal(wantsColour({ isTTY: false }, {}), false);
  assert.equal(wantsColour({}, {}), false);
});

test('markdown: plan, findings, a table of changes and a folded diff per change', () => {
  const md = formatDiffs([{ cluster: 'ams-main', diff: sample() }], { format: 'markdown', colour: false, single: true });
  assert.match(md, /^### calico-gen diff: `ams-main`\n\n\*\*Plan: 1 to create/);
  assert.match(md, /\| update \| `BGPPeer\/cr1-ams-ipv4` \|  \| Helm release \|/);
  assert.match(md, /\| delete \| `IPPool\/default-ipv4-ippool` \|  \| \*\*nobody\*\*: clean up by hand \|/);
  assert.match(md, /<summary>update BGPPeer\/cr1-ams-ipv4<\/summary>\n\n```diff\n--- live\/BGPPeer/);
  assert.match(md, /<summary>release values<\/summary>/);
  assert.match(md, /:warning: \*\*Warnings\*\*\n\n- `ippool-delete-enabled`/);
});

test('markdown fences outgrow any backticks inside a diff; no changes says so', () => {
  const ticks = sample({ changes: [{ ...sample().changes[0]!, diff: '--- a\n+++ b\n@@ -1 +1 @@\n-x: "```"\n+x: "````"\n' }] });
  const md = formatDiffs([{ cluster: 'ams-main', diff: ticks }], { format: 'markdown', colour: false, single: true });
  assert.match(md, /\n`````diff\n/);
  const none = sample({ changes: [], values: { changed: false, diff: '' }, summary: { create: 0, update: 0, delete: 0, unchanged: 48 }, findings: [] });
  assert.match(formatDiffs([{ cluster: 'ams-main', diff: none }], { format: 'markdown', colour: false, single: true }), /\nNo changes\.\n/);
});
