import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { KubeObject } from '../../../src/core/kube';
import { checkObjects } from '../../../src/validate/check-objects';
import { objectRules } from '../../../src/validate/rules/objects';

const KINDS = ['IPPool', 'BGPPeer', 'BGPConfiguration', 'IPAMConfig'];

/** Field names the rules read, so fuzzed objects reach the interesting branches. */
const FIELD_NAMES = [
  'cidr', 'blockSize', 'ipipMode', 'vxlanMode', 'natOutgoing', 'disabled', 'disableBGPExport', 'nodeSelector',
  'allowedUses', 'assignmentMode', 'ipip', 'nat-outgoing', 'node', 'peerIP', 'peerSelector', 'asNumber',
  'localWorkloadSelector', 'keepOriginalNextHop', 'nextHopMode', 'reversePeering', 'sourceAddress', 'reachableBy',
  'maxRestartTime', 'ttlSecurity', 'numAllowedLocalASNumbers', 'filters', 'password', 'secretKeyRef', 'key',
  'communities', 'name', 'value', 'prefixAdvertisements', 'nodeToNodeMeshEnabled', 'nodeMeshPassword',
  'nodeMeshMaxRestartTime', 'logSeverityScreen', 'serviceClusterIPs', 'serviceExternalIPs', 'serviceLoadBalancerIPs',
  'listenPort', 'ignoredInterfaces', 'localWorkloadPeeringIPV4', 'localWorkloadPeeringIPV6', 'bindMode',
  'strictAffinity', 'autoAllocateBlocks', 'maxBlocksPerHost', 'labels', 'annotations',
  '__proto__', 'constructor', 'toString', 'hasOwnProperty',
];

const key = fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 6 }));
const leaf = fc.oneof(
  fc.string(),
  fc.constantFrom('10.0.0.0/16', '2001:db8::/48', '10.0.0.1/27', '192.0.2.1:179', 'all()', "a == 'b'", 'Always', 'default', '1:2', '120s', ''),
  fc.integer(),
  fc.double(),
  fc.bigInt(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const json = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 6 }),
  ),
})).value;

const calicoish = fc.record(
  {
    apiVersion: fc.oneof(fc.constant('crd.projectcalico.org/v1'), json),
    kind: fc.oneof(fc.constantFrom(...KINDS), json),
    metadata: fc.oneof(fc.record({ name: fc.oneof(fc.constantFrom('default', 'node.x', 'p'), json) }, { requiredKeys: [] }), json),
    spec: fc.oneof(fc.dictionary(key, json, { maxKeys: 10 }), json),
  },
  { requiredKeys: [] },
);

test('no rule throws or reports an internal error, whatever the object', () => {
  fc.assert(
    fc.property(fc.oneof(calicoish, json), (object) => {
      for (const rule of objectRules) {
        const hits = rule.check(object as KubeObject);
        assert.ok(Array.isArray(hits));
        for (const h of hits) {
          assert.equal(typeof h.path, 'string');
          assert.equal(typeof h.message, 'string');
          assert.doesNotMatch(h.message, /internal error/, `${rule.id}: ${h.message}`);
        }
      }
    }),
    { numRuns: 3000 },
  );
});

test('checkObjects never throws on arbitrary object lists', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(calicoish, json), { maxLength: 5 }), (objects) => {
      const findings = checkObjects(objects as KubeObject[], 'fuzz');
      for (const f of findings) {
        assert.ok(['error', 'warning', 'info'].includes(f.severity));
        assert.equal(f.cluster, 'fuzz');
        assert.doesNotMatch(f.message, /internal error/);
      }
    }),
    { numRuns: 500 },
  );
});
