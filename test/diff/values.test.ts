import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffValues } from '../../src/diff/values';

const desired = { veth_mtu: '0', typha: { replicaCount: 3, resources: { limits: { cpu: null } } }, BGPConfiguration: { asNumber: 64601 } };

test('values equal once chart defaults are merged in are no change', () => {
  // typha.imageName is the chart default; limits.cpu ~ deletes the chart's limit on both sides
  const deployed = { veth_mtu: '0', typha: { replicaCount: 3, imageName: 'calico/typha', resources: { limits: { cpu: null } } }, BGPConfiguration: { asNumber: 64601 } };
  assert.deepEqual(diffValues(desired, deployed, false), { changed: false, diff: '' });
});

test('a changed key shows in a unified diff with context', () => {
  const result = diffValues(desired, { ...desired, veth_mtu: '1450' }, false);
  assert.equal(result.changed, true);
  assert.match(result.diff, /^--- live\/values\n\+\+\+ desired\/values\n@@ /);
  assert.match(result.diff, /\n-veth_mtu: "1450"\n\+veth_mtu: "0"\n/);
});

test('no release: every value is new; unknown deployed values: nothing compared', () => {
  const install = diffValues(desired, null, false);
  assert.equal(install.changed, true);
  assert.match(install.diff, /^--- \/dev\/null\n/);
  assert.deepEqual(diffValues(desired, undefined, false), { changed: false, compared: false, diff: '' });
});

test('sensitive values are redacted unless --show-secrets; a reference to a Secret stays readable', () => {
  const ref = (key: string) => ({ secretKeyRef: { name: 'bgp-secrets', key } });
  const want = { ...desired, BGPConfiguration: { asNumber: 64601, nodeMeshPassword: ref('pw-new') }, extraEnv: { DB_PASSWORD: 'hunter2-new' } };
  const have = { ...desired, BGPConfiguration: { asNumber: 64601, nodeMeshPassword: ref('pw-old') }, extraEnv: { DB_PASSWORD: 'hunter2-old' } };
  const hidden = diffValues(want, have, false);
  // Calico's BGP password is always a secretKeyRef: which key it names is a reviewable change
  assert.match(hidden.diff, /-      key: pw-old\n\+      key: pw-new/);
  assert.doesNotMatch(hidden.diff, /hunter2/);
  assert.match(hidden.diff, /-  DB_PASSWORD: <redacted>\n\+  DB_PASSWORD: "<redacted: changed>"/);
  assert.match(diffValues(want, have, true).diff, /-  DB_PASSWORD: hunter2-old\n\+  DB_PASSWORD: hunter2-new/);
});

test('a password in the values where Calico expects a reference is hidden, on either side', () => {
  const want = { ...desired, BGPConfiguration: { asNumber: 64601, nodeMeshPassword: { secretKeyRef: { name: 'bgp', key: 'pw' } } } };
  const have = { ...desired, BGPConfiguration: { asNumber: 64601, nodeMeshPassword: 'plain-text-password' } };
  const hidden = diffValues(want, have, false);
  assert.doesNotMatch(hidden.diff, /plain-text-password|bgp|pw/);
  assert.match(hidden.diff, /-  nodeMeshPassword: <redacted>\n\+  nodeMeshPassword: "<redacted: changed>"/);
});
