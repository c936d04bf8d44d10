import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { parseDump, readLiveFile } from '../../src/live/dump';
import { readLiveValues } from '../../src/live/values-file';
import { helmReleaseSecret } from '../support/fake-apiserver';
import { obj } from '../diff/helpers';

const names = (objects: { kind: string; metadata: { name: string } }[]) => objects.map((o) => `${o.kind}/${o.metadata.name}`);

test('a v1 List, several of them, single objects and kubectl -o json all read', () => {
  const list = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: crd.projectcalico.org/v1\n  kind: IPPool\n  metadata: {name: a}\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: c, namespace: kube-system}\nmetadata:\n  resourceVersion: ""\n';
  assert.deepEqual(names(parseDump(`${list}---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n`, 'f')), ['IPPool/a', 'ConfigMap/c', 'Deployment/d']);
  const json = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } }] });
  assert.deepEqual(names(parseDump(json, 'f')), ['Service/s']);
  // a typed list straight from the API: items without apiVersion and kind
  const typed = stringify({ apiVersion: 'apps/v1', kind: 'DaemonSetList', items: [{ metadata: { name: 'calico-node' } }] });
  assert.deepEqual(parseDump(typed, 'f').map((o) => [o.apiVersion, o.kind]), [['apps/v1', 'DaemonSet']]);
});

test('a dump with Calico objects covers every Calico kind; release Secrets give the release', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dump-'));
  const secret = helmReleaseSecret({ name: 'calico', namespace: 'kube-system', version: 3, chart: { name: 'calico', version: '0.5.2' }, config: { veth_mtu: '1450' }, manifest: '' });
  const file = join(dir, 'live.yaml');
  writeFileSync(file, stringify({ apiVersion: 'v1', kind: 'List', items: [obj('{apiVersion: crd.projectcalico.org/v1, kind: IPPool, metadata: {name: a}}'), secret] }));
  const desired = [obj('{apiVersion: crd.projectcalico.org/v1, kind: BGPPeer, metadata: {name: p}}'), obj('{apiVersion: v1, kind: ConfigMap, metadata: {name: c}}')];
  const live = readLiveFile(file, dir, { desired, release: { name: 'calico', namespace: 'kube-system' } });
  assert.deepEqual(names(live.objects), ['IPPool/a']);
  assert.ok(live.kinds.has('crd.projectcalico.org/BGPPeer'));
  assert.ok(live.kinds.has('crd.projectcalico.org/GlobalNetworkPolicy'));
  assert.ok(!live.kinds.has('/ConfigMap'));
  assert.equal(live.release?.revision, 3);
  assert.deepEqual(live.values, { veth_mtu: '1450' });
  assert.equal(live.source, 'file live.yaml');
});

test('helm get values output reads, with or without its heading; no values is an empty map', () => {
  const dir = mkdtempSync(join(tmpdir(), 'values-'));
  writeFileSync(join(dir, 'a.yaml'), 'USER-SUPPLIED VALUES:\nveth_mtu: "1450"\n');
  writeFileSync(join(dir, 'b.yaml'), 'null\n');
  assert.deepEqual(readLiveValues('a.yaml', dir), { veth_mtu: '1450' });
  assert.deepEqual(readLiveValues('b.yaml', dir), {});
  writeFileSync(join(dir, 'c.yaml'), 'a: [1\n');
  assert.throws(() => readLiveValues('c.yaml', dir), /^UserError: c\.yaml:\d+:\d+: not valid YAML: [^\n]+$/);
  writeFileSync(join(dir, 'd.yaml'), 'veth_mtu: *nowhere\n');
  assert.throws(() => readLiveValues('d.yaml', dir), /^UserError: d\.yaml: not valid YAML: [^\n]+$/);
});
