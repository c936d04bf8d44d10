import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planObjects } from '../../src/diff/compare';
import { builtInNormalisationRules } from '../../src/diff/normalisation';
import type { HelmRelease } from '../../src/live/types';
import { chartObject, helmOwned, liveState, obj, RELEASE } from './helpers';

const pool = (name: string, cidr: string, extra = '') => obj(`{apiVersion: crd.projectcalico.org/v1, kind: IPPool, metadata: {name: ${name}}, spec: {cidr: "${cidr}"${extra}}}`);
const role = (name: string) => obj(`{apiVersion: rbac.authorization.k8s.io/v1, kind: ClusterRole, metadata: {name: ${name}}, rules: []}`);

const summary = (plan: ReturnType<typeof planObjects>) => plan.changes.map((c) => [c.action, `${c.kind}/${c.name}`, c.managed]);

test('create, update, delete and unchanged, each object once', () => {
  const desired = [pool('a', '10.0.0.0/16'), pool('b', '10.1.0.0/16'), pool('c', '10.2.0.0/16')];
  const live = [helmOwned(pool('b', '10.1.0.0/16', ', blockSize: 26')), helmOwned(pool('c', '10.2.0.0/16', ', natOutgoing: true')), helmOwned(pool('d', '10.3.0.0/16'))];
  const plan = planObjects(desired.map(chartObject), liveState(live), RELEASE, builtInNormalisationRules);
  assert.deepEqual(summary(plan), [['create', 'IPPool/a', null], ['update', 'IPPool/c', true], ['delete', 'IPPool/d', true]]);
  assert.equal(plan.unchanged, 1);
});

test('an undeclared Calico object is a delete nobody manages; unrelated objects of other kinds are not ours', () => {
  const desired = [pool('ipv4', '10.0.0.0/16'), role('calico-node')];
  const live = [helmOwned(pool('ipv4', '10.0.0.0/16')), pool('default-ipv4-ippool', '192.168.0.0/16'), helmOwned(role('calico-node')), role('system:coredns')];
  const plan = planObjects(desired.map(chartObject), liveState(live), RELEASE, builtInNormalisationRules);
  assert.deepEqual(summary(plan), [['delete', 'IPPool/default-ipv4-ippool', false]]);
  assert.equal(plan.unchanged, 2);
});

test('a release object that left the chart is a managed delete, also of a kind no longer desired', () => {
  const live = [helmOwned(role('calico-old'))];
  const plan = planObjects([pool('ipv4', '10.0.0.0/16')], liveState(live, {}, [pool('x', '10.0.0.0/8')]), RELEASE, builtInNormalisationRules);
  assert.deepEqual(summary(plan), [['create', 'IPPool/ipv4', null], ['delete', 'ClusterRole/calico-old', true]]);
});

test('with the release read, its manifest decides what Helm prunes, not the annotations', () => {
  const release: HelmRelease = {
    ...RELEASE, revision: 3, status: 'deployed', chart: { name: 'calico', version: '0.5.2' }, config: {},
    manifest: [{ apiVersion: 'crd.projectcalico.org/v1', kind: 'IPPool', name: 'listed' }],
  };
  const live = [pool('listed', '10.0.0.0/16'), helmOwned(pool('annotated-only', '10.1.0.0/16'))];
  const plan = planObjects([], liveState(live, { release }), RELEASE, builtInNormalisationRules);
  assert.deepEqual(summary(plan), [['delete', 'IPPool/annotated-only', false], ['delete', 'IPPool/listed', true]]);
});

test('desired objects of a kind the live source holds nothing about are not compared, and counted', () => {
  const plan = planObjects([pool('ipv4', '10.0.0.0/16'), role('calico-node')].map(chartObject), liveState([helmOwned(pool('ipv4', '10.0.0.0/16'))]), RELEASE, builtInNormalisationRules);
  assert.deepEqual(plan.changes, []);
  assert.deepEqual([...plan.notRead], [['rbac.authorization.k8s.io/ClusterRole', 1]]);
});

test('each change carries a unified diff with context from live to desired', () => {
  const desired = [obj('{apiVersion: v1, kind: ConfigMap, metadata: {name: calico-config, namespace: kube-system}, data: {a: "1", b: "2", c: "3", veth_mtu: "0"}}')];
  const live = [helmOwned(obj('{apiVersion: v1, kind: ConfigMap, metadata: {name: calico-config, namespace: kube-system, uid: x}, data: {a: "1", b: "2", c: "3", veth_mtu: "1450"}}'))];
  const [change] = planObjects(desired.map(chartObject), liveState(live), RELEASE, builtInNormalisationRules).changes;
  assert.equal(change!.namespace, 'kube-system');
  assert.match(change!.diff, /^--- live\/ConfigMap\/kube-system\/calico-config\n\+\+\+ desired\/ConfigMap\/kube-system\/calico-config\n@@ /);
  assert.match(change!.diff, /\n   c: "3"\n-  veth_mtu: "1450"\n\+  veth_mtu: "0"\n/);
  assert.doesNotMatch(change!.diff, /uid|meta\.helm\.sh/);
});

test('a created object shows whole; a deleted one too, defaults included, bookkeeping not', () => {
  const plan = planObjects([pool('new', '10.9.0.0/16')], liveState([pool('old', '10.8.0.0/16', ', blockSize: 26')].map((p) => ({ ...p, metadata: { ...p.metadata, uid: 'u' } }))), RELEASE, builtInNormalisationRules);
  const [create, remove] = plan.changes;
  assert.match(create!.diff, /^--- \/dev\/null\n\+\+\+ desired\/IPPool\/new\n/);
  assert.match(create!.diff, /\+  cidr: 10\.9\.0\.0\/16/);
  assert.match(remove!.diff, /^--- live\/IPPool\/old\n\+\+\+ \/dev\/null\n/);
  assert.match(remove!.diff, /-  blockSize: 26/);
  assert.doesNotMatch(remove!.diff, /uid/);
});

test("a Secret's data never shows, but a change to it does", () => {
  const secret = (data: string) => obj(`{apiVersion: v1, kind: Secret, metadata: {name: s, namespace: kube-system}, data: ${data}}`);
  const plan = planObjects([secret('{password: aHVudGVyMg==, user: YWRtaW4=}')].map(chartObject), liveState([helmOwned(secret('{password: c2VjcmV0, user: YWRtaW4=}'))]), RELEASE, builtInNormalisationRules);
  const [change] = plan.changes;
  assert.equal(change!.action, 'update');
  assert.doesNotMatch(change!.diff, /aHVudGVyMg|c2VjcmV0|YWRtaW4/);
  assert.match(change!.diff, /-  password: <redacted>\n\+  password: "<redacted: changed>"/);
  // stringData is what the server stores base64-encoded under data
  const same = planObjects([obj('{apiVersion: v1, kind: Secret, metadata: {name: s, namespace: kube-system}, stringData: {password: hunter2}}')].map(chartObject), liveState([helmOwned(secret('{password: aHVudGVyMg==}'))]), RELEASE, builtInNormalisationRules);
  assert.deepEqual(same.changes, []);
});
