import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateClusters } from '../../src/validate';
import type { KubeObject } from '../../src/core/kube';
import { baseValues, sourceOf } from './support';

const policy = (spec: Record<string, unknown>): KubeObject => ({
  apiVersion: 'crd.projectcalico.org/v1',
  kind: 'GlobalNetworkPolicy',
  metadata: { name: 'allow-dns' },
  spec,
});

const rulesOf = (values: Record<string, unknown> | undefined, manifests: KubeObject[] = []) =>
  validateClusters([sourceOf(values, { manifests })]).map((f) => `${f.rule} ${f.object} ${f.path}`);

test('crd-schema: a Calico object the CRD schema refuses is an error at the field', () => {
  const found = rulesOf(undefined, [policy({ types: 'Ingress', order: 'high' })]);
  assert.deepEqual(found.filter((f) => f.startsWith('crd-schema')).sort(), [
    'crd-schema GlobalNetworkPolicy/allow-dns /spec/order',
    'crd-schema GlobalNetworkPolicy/allow-dns /spec/types',
  ]);
});

test('crd-schema: a valid policy, and the whole synthesised cluster, pass the CRD schemas', () => {
  assert.deepEqual(rulesOf(baseValues(), [policy({ types: ['Egress'], order: 100, egress: [{ action: 'Allow', protocol: 'UDP' }] })]), []);
});

test('crd-schema stays silent where an object rule already reported the field in Calico\'s words', () => {
  const ipamConfig: KubeObject = {
    apiVersion: 'crd.projectcalico.org/v1',
    kind: 'IPAMConfig',
    metadata: { name: 'default' },
    spec: { autoAllocateBlocks: 'yes', strictAffinity: true },
  };
  assert.deepEqual(rulesOf(undefined, [ipamConfig]), ['calico-field-type IPAMConfig/default /spec/autoAllocateBlocks']);
});

test('values-schema: a mistyped key inside a structure the chart copies into Calico is an error', () => {
  const values = { ...baseValues(), BGPConfiguration: { asNumber: 64601, nodeToNodeMeshEnable: false } };
  assert.ok(rulesOf(values).includes('values-schema values /BGPConfiguration/nodeToNodeMeshEnable'));
});

test('values-schema: top-level keys of other releases are not a schema error', () => {
  const values = { ...baseValues(), namespaces: { 'kube-system': { systemNamespace: true } }, chartVersions: {} };
  assert.deepEqual(rulesOf(values).filter((f) => f.startsWith('values-schema')), []);
});
