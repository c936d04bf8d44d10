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

test('IPAM state, nodes and CRDs in a dump are state to read, never objects to compare; Calico CRDs give their schemas', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dump-'));
  const calico = 'crd.projectcalico.org/v1';
  const items = [
    obj('{apiVersion: v1, kind: Node, metadata: {name: n0}}'),
    obj(`{apiVersion: ${calico}, kind: IPPool, metadata: {name: ipv4}, spec: {cidr: 10.0.0.0/24}}`),
    obj(`{apiVersion: ${calico}, kind: IPAMBlock, metadata: {name: 10-0-0-0-26}, spec: {cidr: 10.0.0.0/26, affinity: "host:n0"}}`),
    obj(`{apiVersion: ${calico}, kind: BlockAffinity, metadata: {name: n0-10-0-0-0-26}, spec: {cidr: 10.0.0.0/26, node: n0, state: confirmed}}`),
    obj(`{apiVersion: ${calico}, kind: IPAMHandle, metadata: {name: k8s-pod-network.abc}, spec: {handleID: k8s-pod-network.abc, block: {10.0.0.0/26: 1}}}`),
    obj(`{apiVersion: ${calico}, kind: IPAMConfig, metadata: {name: default}, spec: {strictAffinity: true}}`),
    obj('{apiVersion: apiextensions.k8s.io/v1, kind: CustomResourceDefinition, metadata: {name: ippools.crd.projectcalico.org}, spec: {group: crd.projectcalico.org, names: {kind: IPPool}, versions: [{name: v1, served: true, schema: {openAPIV3Schema: {type: object}}}]}}'),
  ];
  const file = join(dir, 'live.yaml');
  writeFileSync(file, stringify({ apiVersion: 'v1', kind: 'List', items }));
  const seen: string[] = [];
  const live = readLiveFile(file, dir, { desired: [], release: { name: 'calico', namespace: 'kube-system' }, state: (object) => seen.push(String(object.kind)) });
  assert.deepEqual(names(live.objects), ['IPPool/ipv4', 'IPAMConfig/default'], 'the chart writes pools and the IPAMConfig: those are compared');
  assert.deepEqual(seen, ['Node', 'IPPool', 'IPAMBlock', 'BlockAffinity', 'IPAMHandle', 'IPAMConfig', 'CustomResourceDefinition'], 'the state reader sees every object');
  assert.ok(!live.kinds.has('crd.projectcalico.org/IPAMBlock'));
  assert.ok(!live.kinds.has('/Node'));
  assert.deepEqual([...(live.crds?.keys() ?? [])], ['IPPool']);
  const withoutCrds = readLiveFile(file, dir, { desired: [], release: { name: 'calico', namespace: 'kube-system' } });
  assert.equal(withoutCrds.objects.length, 2);
  writeFileSync(file, stringify({ apiVersion: 'v1', kind: 'List', items: items.slice(0, 2) }));
  assert.equal(readLiveFile(file, dir, { desired: [], release: { name: 'calico', namespace: 'kube-system' } }).crds, undefined, 'a dump without CRDs says nothing about them');
});
