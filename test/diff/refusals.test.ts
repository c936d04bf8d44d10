import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planObjects } from '../../src/diff/compare';
import { checkRefusals } from '../../src/diff/refusals';
import { builtInNormalisationRules } from '../../src/diff/normalisation';
import type { KubeObject } from '../../src/core/kube';
import type { HelmRelease } from '../../src/live/types';
import { chartObject, helmOwned, liveState, obj, RELEASE } from './helpers';

function refusals(desired: KubeObject[], live: KubeObject[], release?: HelmRelease) {
  const plan = planObjects(desired.map(chartObject), liveState(live, { release }, desired), RELEASE, builtInNormalisationRules);
  return checkRefusals('c1', { release: RELEASE, ownership: plan.ownership, pairs: plan.pairs }).map((f) => [f.rule, f.severity, f.object, f.path]);
}

const pool = (name: string, spec: string) => obj(`{apiVersion: crd.projectcalico.org/v1, kind: IPPool, metadata: {name: ${name}}, spec: ${spec}}`);

test('ippool-cidr-changed: a pool whose cidr changes in place', () => {
  assert.deepEqual(refusals([pool('p', '{cidr: 10.1.0.0/16}')], [helmOwned(pool('p', '{cidr: 10.0.0.0/16}'))]), [['ippool-cidr-changed', 'error', 'IPPool/p', '/spec/cidr']]);
  assert.deepEqual(refusals([pool('p', '{cidr: "2001:DB8::/64"}')], [helmOwned(pool('p', '{cidr: "2001:db8::/64", natOutgoing: true}'))]), []);
});

test('ippool-block-size-changed: also from or to the default', () => {
  assert.deepEqual(refusals([pool('p', '{cidr: 10.0.0.0/16, blockSize: 27}')], [helmOwned(pool('p', '{cidr: 10.0.0.0/16}'))]), [['ippool-block-size-changed', 'error', 'IPPool/p', '/spec/blockSize']]);
  assert.deepEqual(refusals([pool('p', '{cidr: 10.0.0.0/16, blockSize: 26, natOutgoing: true}')], [helmOwned(pool('p', '{cidr: 10.0.0.0/16}'))]), []);
});

test('ippool-overlaps-live-pool: a new pool over an existing one, even one that goes away', () => {
  const existing = pool('default-ipv4-ippool', '{cidr: 192.168.0.0/16}');
  assert.deepEqual(refusals([pool('new', '{cidr: 192.168.128.0/17}')], [existing]), [
    ['ippool-delete-enabled', 'warning', 'IPPool/default-ipv4-ippool', '/spec/disabled'],
    ['ippool-overlaps-live-pool', 'error', 'IPPool/new', '/spec/cidr'],
  ]);
  assert.deepEqual(refusals([pool('new', '{cidr: 10.0.0.0/16}')], [pool('other', '{cidr: 192.168.0.0/16, disabled: true}')]), []);
});

test('ippool-delete-enabled: a pool removed while enabled; a disabled one is fine', () => {
  assert.deepEqual(refusals([], [helmOwned(pool('old', '{cidr: 10.0.0.0/16}'))]), [['ippool-delete-enabled', 'warning', 'IPPool/old', '/spec/disabled']]);
  assert.deepEqual(refusals([], [helmOwned(pool('old', '{cidr: 10.0.0.0/16, disabled: true}'))]), []);
});

test('workload-selector-changed: a Deployment or DaemonSet selector changes', () => {
  const ds = (app: string, image: string) => obj(`{apiVersion: apps/v1, kind: DaemonSet, metadata: {name: calico-node, namespace: kube-system}, spec: {selector: {matchLabels: {k8s-app: ${app}}}, template: {spec: {containers: [{name: c, image: "${image}"}]}}}}`);
  assert.deepEqual(refusals([ds('calico', 'i:1')], [helmOwned(ds('calico-node', 'i:1'))]), [['workload-selector-changed', 'error', 'DaemonSet/calico-node', '/spec/selector']]);
  assert.deepEqual(refusals([ds('calico-node', 'i:2')], [helmOwned(ds('calico-node', 'i:1'))]), []);
});

test('binding-role-ref-changed: a binding pointing at another role', () => {
  const binding = (roleName: string, user: string) => obj(`{apiVersion: rbac.authorization.k8s.io/v1, kind: ClusterRoleBinding, metadata: {name: b}, roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ${roleName}}, subjects: [{kind: User, name: ${user}}]}`);
  assert.deepEqual(refusals([binding('r2', 'u')], [helmOwned(binding('r1', 'u'))]), [['binding-role-ref-changed', 'error', 'ClusterRoleBinding/b', '/roleRef']]);
  assert.deepEqual(refusals([binding('r1', 'v')], [helmOwned(binding('r1', 'u'))]), []);
});

test('helm-ownership-conflict: an existing object without Helm metadata, changed or not', () => {
  const ipam = obj('{apiVersion: crd.projectcalico.org/v1, kind: IPAMConfig, metadata: {name: default}, spec: {strictAffinity: true, autoAllocateBlocks: true}}');
  assert.deepEqual(refusals([ipam], [ipam]), [['helm-ownership-conflict', 'error', 'IPAMConfig/default', '/metadata']]);
  assert.deepEqual(refusals([ipam], [helmOwned(ipam)]), []);
  // listed in the deployed release: Helm updates it whatever its metadata says
  const release: HelmRelease = { ...RELEASE, revision: 1, status: 'deployed', chart: { name: 'calico', version: '0.5.2' }, config: {}, manifest: [{ apiVersion: 'crd.projectcalico.org/v1', kind: 'IPAMConfig', name: 'default' }] };
  assert.deepEqual(refusals([ipam], [ipam], release), []);
});

test('ipamconfig-not-default: Calico reads only IPAMConfig default', () => {
  const ipam = (name: string) => obj(`{apiVersion: crd.projectcalico.org/v1, kind: IPAMConfig, metadata: {name: ${name}}, spec: {strictAffinity: true, autoAllocateBlocks: true}}`);
  assert.deepEqual(refusals([ipam('main')], []), [['ipamconfig-not-default', 'error', 'IPAMConfig/main', '/metadata/name']]);
  assert.deepEqual(refusals([ipam('default')], []), []);
});

test('bgpconfiguration-node-cluster-fields: cluster-only fields on a per-node configuration', () => {
  const bgp = (name: string) => obj(`{apiVersion: crd.projectcalico.org/v1, kind: BGPConfiguration, metadata: {name: ${name}}, spec: {asNumber: 64512, logSeverityScreen: Info}}`);
  assert.deepEqual(refusals([bgp('node.k1')], []), [['bgpconfiguration-node-cluster-fields', 'error', 'BGPConfiguration/node.k1', '/spec/asNumber']]);
  assert.deepEqual(refusals([bgp('default')], []), []);
});

test('messages say what changes, that it is refused, and what to do', () => {
  const plan = planObjects([pool('p', '{cidr: 10.1.0.0/16}')].map(chartObject), liveState([helmOwned(pool('p', '{cidr: 10.0.0.0/16}'))]), RELEASE, builtInNormalisationRules);
  const [finding] = checkRefusals('c1', { release: RELEASE, ownership: plan.ownership, pairs: plan.pairs });
  assert.match(finding!.message, /cidr changes from 10\.0\.0\.0\/16 to 10\.1\.0\.0\/16.*forbids.*add a new pool.*migrate the workloads.*disable/);
  assert.equal(finding!.cluster, 'c1');
});
