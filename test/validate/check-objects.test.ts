import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../src/core/kube';
import { checkObjects } from '../../src/validate/check-objects';
import { checkObjectSchemas } from '../../src/validate/schema-checks';
import { defineRule } from '../../src/validate/rule';
import { obj } from './helpers';

test('findings carry rule, severity, cluster, Kind/name and JSON pointer', () => {
  const findings = checkObjects(
    [obj('{apiVersion: crd.projectcalico.org/v1, kind: IPPool, metadata: {name: pods}, spec: {cidr: 10.0.0.1/24}}')],
    'codfw',
  );
  assert.deepEqual(
    findings.map((f) => [f.rule, f.severity, f.cluster, f.object, f.path]),
    [['ippool-cidr-strict-mask', 'error', 'codfw', 'IPPool/pods', '/spec/cidr']],
  );
});

test('a valid fleet-style set of objects has no findings', () => {
  const objects = [
    '{apiVersion: crd.projectcalico.org/v1, kind: IPPool, metadata: {name: ipv4}, spec: {cidr: 10.67.128.0/18, blockSize: 26, ipipMode: Never, vxlanMode: Never, natOutgoing: false, nodeSelector: all()}}',
    '{apiVersion: crd.projectcalico.org/v1, kind: IPPool, metadata: {name: ipv6}, spec: {cidr: "2620:0:860:cabe::/64", blockSize: 122, nodeSelector: all()}}',
    `{apiVersion: crd.projectcalico.org/v1, kind: BGPPeer, metadata: {name: cr1-eqiad-ipv4}, spec: {asNumber: 14907, peerIP: 208.80.154.196, nodeSelector: "kubernetes.io/hostname in {'kubernetes1001'}", numAllowedLocalASNumbers: 1}}`,
    '{apiVersion: crd.projectcalico.org/v1, kind: BGPPeer, metadata: {name: cr1-eqiad-ipv6}, spec: {asNumber: 14907, peerIP: "2620:0:861:ffff::1", nodeSelector: all()}}',
    '{apiVersion: crd.projectcalico.org/v1, kind: BGPConfiguration, metadata: {name: default}, spec: {asNumber: 64601, nodeToNodeMeshEnabled: false, logSeverityScreen: Info, listenPort: 179, communities: [{name: generic, value: "14907:14"}], prefixAdvertisements: [{cidr: 10.67.128.0/18, communities: [generic]}, {cidr: "2620:0:860:cabe::/64", communities: ["14907:14"]}], serviceClusterIPs: [{cidr: 10.64.72.0/24}]}}',
    '{apiVersion: crd.projectcalico.org/v1, kind: IPAMConfig, metadata: {name: default}, spec: {autoAllocateBlocks: true, strictAffinity: true, maxBlocksPerHost: 0}}',
  ].map(obj);
  assert.deepEqual(checkObjects(objects, 'eqiad'), []);
});

test('objects of other API groups and other kinds are skipped; a missing apiVersion is not', () => {
  const objects = [
    obj('{apiVersion: crd.antrea.io/v1beta1, kind: IPPool, metadata: {name: Bad_Name}, spec: {}}'),
    obj('{apiVersion: apps/v1, kind: DaemonSet, metadata: {name: Calico_Node}}'),
    obj('{kind: IPPool, metadata: {name: Bad_Name}, spec: {cidr: 10.0.0.0/16}}'),
    { not: 'a kube object' } as unknown as KubeObject,
  ];
  const findings = checkObjects(objects, '');
  assert.deepEqual(
    findings.map((f) => [f.rule, f.object]),
    [['calico-resource-name', 'IPPool/Bad_Name']],
  );
});

test('projectcalico.org/v3 objects are checked too', () => {
  const findings = checkObjects([obj('{apiVersion: projectcalico.org/v3, kind: IPPool, metadata: {name: p}, spec: {cidr: 10.0.0.0/27}}')], 'c');
  assert.deepEqual(findings.map((f) => f.rule), ['ippool-smaller-than-block']);
});

test('per-hit severity overrides the rule default; unnamed objects are labelled', () => {
  const findings = checkObjects([obj('{kind: BGPPeer, spec: {peerIP: 192.0.2.1, keepOriginalNextHop: true}}')], 'c');
  const deprecated = findings.find((f) => f.rule === 'bgppeer-keep-original-next-hop');
  assert.equal(deprecated?.severity, 'info');
  assert.equal(deprecated?.object, 'BGPPeer/<unnamed>');
});

test('a throwing rule becomes a finding instead of aborting the run', () => {
  const broken = defineRule({
    id: 'broken',
    severity: 'error',
    description: 'always throws',
    scope: 'object',
    kinds: ['IPPool'],
    check() {
      throw new Error('boom');
    },
  });
  const findings = checkObjects([obj('{kind: IPPool, metadata: {name: p}}')], 'c', [broken]);
  assert.equal(findings.length, 1);
  assert.match(findings[0].message, /internal error in rule broken.*boom/);
});

test('a hand-written object whose kind is a name every JavaScript object has is checked, not a crash', () => {
  const objects = [obj('{apiVersion: crd.projectcalico.org/v1, kind: constructor, metadata: {name: x}}'), obj('{apiVersion: crd.projectcalico.org/v1, kind: toString, metadata: {name: y}}')];
  assert.deepEqual(checkObjectSchemas(objects, 'c'), []);
});
