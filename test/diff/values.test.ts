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

test('sensitive values are redacted unless --show-secrets', () => {
  const want = { ...desired, BGPConfiguration: { asNumber: 64601, nodeMeshPassword: { secretKeyRef: { name: 'bgp', key: 'pw-new' } } } };
  const have = { ...desired, BGPConfiguration: { asNumber: 64601, nodeMeshPassword: { secretKeyRef: { name: 'bgp', key: 'pw-old' } } } };
  const hidden = diffValues(want, have, false);
  assert.doesNotMatch(hidden.diff, /pw-new|pw-old/);
  assert.match(hidden.diff, /-  nodeMeshPassword: <redacted>\n\+  nodeMeshPassword: "<redacted: changed>"/);
  assert.match(diffValues(want, have, true).diff, /-      key: pw-old\n\+      key: pw-new/);
});
