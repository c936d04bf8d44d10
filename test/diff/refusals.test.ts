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

const bgpConfiguration = (spec: string) => obj(`{apiVersion: crd.projectcalico.org/v1, kind: BGPConfiguration, metadata: {name: default}, spec: ${spec}}`);
const ipamConfig = (spec: string) => obj(`{apiVersion: crd.projectcalico.org/v1, kind: IPAMConfig, metadata: {name: default}, spec: ${spec}}`);
const peer = (name: string, spec: string) => obj(`{apiVersion: crd.projectcalico.org/v1, kind: BGPPeer, metadata: {name: ${name}}, spec: ${spec}}`);

test('as-number-changed: the cluster AS changes, also from or to Calico\'s default; another setting does not count', () => {
  assert.deepEqual(refusals([bgpConfiguration('{asNumber: 64602}')], [helmOwned(bgpConfiguration('{asNumber: 64601}'))]), [['as-number-changed', 'warning', 'BGPConfiguration/default', '/spec/asNumber']]);
  assert.deepEqual(refusals([bgpConfiguration('{asNumber: 64601}')], [helmOwned(bgpConfiguration('{}'))]), [['as-number-changed', 'warning', 'BGPConfiguration/default', '/spec/asNumber']]);
  assert.deepEqual(refusals([bgpConfiguration('{asNumber: 64512, logSeverityScreen: Debug}')], [helmOwned(bgpConfiguration('{logSeverityScreen: Info}'))]), []);
});

test('peer-as-number-changed: peers whose AS changes alike are one finding naming them; an unchanged AS is none', () => {
  const routers = (as: number) => [peer('cr1-ipv4', `{peerIP: 192.0.2.1, asNumber: ${as}}`), peer('cr2-ipv4', `{peerIP: 192.0.2.2, asNumber: ${as}}`)];
  const found = refusals(routers(65001), routers(65000).map(helmOwned));
  assert.deepEqual(found, [['peer-as-number-changed', 'warning', 'BGPPeer/cr1-ipv4', '/spec/asNumber']]);
  const plan = planObjects(routers(65001).map(chartObject), liveState(routers(65000).map(helmOwned)), RELEASE, builtInNormalisationRules);
  const [finding] = checkRefusals('c1', { release: RELEASE, ownership: plan.ownership, pairs: plan.pairs });
  assert.match(finding!.message, /the AS of 2 peers \(cr1-ipv4 \(192\.0\.2\.1\), cr2-ipv4 \(192\.0\.2\.2\)\) changes from 65000 to 65001/);
  assert.deepEqual(refusals([peer('cr1-ipv4', '{peerIP: 192.0.2.9, asNumber: 65000}')], [helmOwned(peer('cr1-ipv4', '{peerIP: 192.0.2.1, asNumber: 65000}'))]), []);
});

test('strict-affinity-disabled: strictAffinity turned off (or its IPAMConfig removed) warns; left on, turned on, or off with the mesh off (validation\'s error) does not', () => {
  const mesh = (on: boolean) => bgpConfiguration(`{nodeToNodeMeshEnabled: ${on}}`);
  assert.deepEqual(refusals([ipamConfig('{strictAffinity: false}'), mesh(true)], [helmOwned(ipamConfig('{strictAffinity: true}')), helmOwned(mesh(true))]), [['strict-affinity-disabled', 'warning', 'IPAMConfig/default', '/spec/strictAffinity']]);
  assert.deepEqual(refusals([mesh(true)], [helmOwned(ipamConfig('{strictAffinity: true}')), helmOwned(mesh(true))]), [['strict-affinity-disabled', 'warning', 'IPAMConfig/default', '/spec/strictAffinity']]);
  assert.deepEqual(refusals([ipamConfig('{strictAffinity: true, maxBlocksPerHost: 4}'), mesh(true)], [helmOwned(ipamConfig('{strictAffinity: true}')), helmOwned(mesh(true))]), []);
  assert.deepEqual(refusals([ipamConfig('{strictAffinity: true}'), mesh(true)], [helmOwned(ipamConfig('{strictAffinity: false}')), helmOwned(mesh(true))]), []);
  assert.deepEqual(refusals([ipamConfig('{strictAffinity: false}'), mesh(false)], [helmOwned(ipamConfig('{strictAffinity: true}')), helmOwned(mesh(false))]), []);
});

test('ippool-overlaps-live-pool: a pool kept with its cidr is validation\'s to judge, a pool the change moves is not', () => {
  assert.deepEqual(refusals([pool('kept', '{cidr: 10.0.0.0/16}'), pool('new', '{cidr: 10.0.128.0/17}')], [helmOwned(pool('kept', '{cidr: 10.0.0.0/16}'))]), []);
  assert.deepEqual(refusals([pool('moved', '{cidr: 10.1.0.0/16}'), pool('new', '{cidr: 10.0.128.0/17}')], [helmOwned(pool('moved', '{cidr: 10.0.0.0/16}'))]), [
    ['ippool-cidr-changed', 'error', 'IPPool/moved', '/spec/cidr'],
    ['ippool-overlaps-live-pool', 'error', 'IPPool/new', '/spec/cidr'],
  ]);
});

test('ippool-delete-enabled gives the migration steps', () => {
  const plan = planObjects([], liveState([helmOwned(pool('old', '{cidr: 10.0.0.0/16}'))]), RELEASE, builtInNormalisationRules);
  const [finding] = checkRefusals('c1', { release: RELEASE, ownership: plan.ownership, pairs: plan.pairs });
  assert.match(finding!.message, /1\. add the new pool, 2\. keep this one with disabled: true .*3\. move the pods .*4\. delete this pool/);
});

test('the change refusals are those that need nothing but the two states; Helm ownership needs the live cluster', () => {
  const { changeRefusals, refusals: all } = require('../../src/diff/refusals') as typeof import('../../src/diff/refusals');
  assert.deepEqual(changeRefusals.map((r) => r.id), [
    'ippool-cidr-changed', 'ippool-block-size-changed', 'ippool-overlaps-live-pool', 'ippool-delete-enabled',
    'strict-affinity-disabled', 'as-number-changed', 'peer-as-number-changed', 'workload-selector-changed', 'binding-role-ref-changed',
  ]);
  assert.ok(all.every((r) => ['change', 'live', 'desired'].includes(r.basis)));
  assert.equal(all.find((r) => r.id === 'helm-ownership-conflict')!.basis, 'live');
});
