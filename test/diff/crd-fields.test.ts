// crd-field-missing: a field the release sets that the cluster's Calico CRD does not have is an
// error (the API server would drop it); the fields of the installed CRD are not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planObjects } from '../../src/diff/compare';
import { checkRefusals } from '../../src/diff/refusals';
import { builtInNormalisationRules } from '../../src/diff/normalisation';
import type { KubeObject } from '../../src/core/kube';
import { calicoCrdSchema, type CrdSchemas } from '../../src/live/crds';
import { calicoCrdObjects } from '../support/fake-apiserver/crds';
import { chartObject, helmOwned, liveState, obj, RELEASE } from './helpers';

/** The vendored v3.30 CRDs, each as `change` leaves it (an older calico-crds chart lacks fields). */
function crds(change: (kind: string, schema: any) => void = () => {}): CrdSchemas {
  const schemas = new Map<string, Record<string, unknown>>();
  for (const object of calicoCrdObjects()) {
    const crd = calicoCrdSchema(object);
    assert.ok(crd, object.metadata.name);
    change(crd.kind, crd.schema);
    schemas.set(crd.kind, crd.schema);
  }
  return schemas;
}

function missing(desired: KubeObject[], live: KubeObject[], schemas: CrdSchemas | undefined) {
  const plan = planObjects(desired.map(chartObject), liveState(live, {}, desired), RELEASE, builtInNormalisationRules);
  return checkRefusals('c1', { release: RELEASE, ownership: plan.ownership, pairs: plan.pairs, ...(schemas ? { crds: schemas } : {}) })
    .filter((f) => f.rule === 'crd-field-missing')
    .map((f) => ({ at: `${f.severity} ${f.object} ${f.path}`, message: f.message }));
}

const pool = obj('{apiVersion: crd.projectcalico.org/v1, kind: IPPool, metadata: {name: ipv4}, spec: {cidr: 10.0.0.0/16, blockSize: 26, allowedUses: [Workload, Tunnel], nodeSelector: all()}}');
const bgp = obj('{apiVersion: crd.projectcalico.org/v1, kind: BGPConfiguration, metadata: {name: default}, spec: {asNumber: 64512, serviceClusterIPs: [{cidr: 10.96.0.0/12}, {cidr: "fd00::/108"}]}}');

test('every field calico-gen sets is in the installed v3.30 CRDs: nothing to report', () => {
  assert.deepEqual(missing([pool, bgp], [], crds()), []);
  assert.deepEqual(missing([pool, bgp], [helmOwned(pool), helmOwned(bgp)], crds()), [], 'unchanged objects too');
});

test('an older CRD without a field the release sets: one error naming the field, on create and update alike', () => {
  const older = crds((kind, schema) => {
    if (kind === 'IPPool') delete schema.properties.spec.properties.allowedUses;
  });
  const [created, ...rest] = missing([pool], [], older);
  assert.deepEqual(rest, []);
  assert.equal(created!.at, 'error IPPool/ipv4 /spec/allowedUses');
  assert.match(created!.message, /^calico-gen sets spec\.allowedUses, but the cluster's CRD ippools\.crd\.projectcalico\.org has no such field: the API server drops it .*Fix: the CRDs must lead: upgrade the calico-crds chart .* first, then apply the calico release$/);
  const livePool = helmOwned(obj('{apiVersion: crd.projectcalico.org/v1, kind: IPPool, metadata: {name: ipv4}, spec: {cidr: 10.0.0.0/16}}'));
  assert.deepEqual(missing([pool], [livePool], older).map((m) => m.at), ['error IPPool/ipv4 /spec/allowedUses']);
});

test('a field missing inside a list is reported once, at its first element', () => {
  const older = crds((kind, schema) => {
    if (kind === 'BGPConfiguration') delete schema.properties.spec.properties.serviceClusterIPs.items.properties.cidr;
  });
  assert.deepEqual(missing([bgp], [], older).map((m) => m.at), ['error BGPConfiguration/default /spec/serviceClusterIPs/0/cidr']);
});

test('a kind the cluster has no CRD for: Helm cannot create it', () => {
  const withoutPools = new Map([...crds()].filter(([kind]) => kind !== 'IPPool'));
  const [finding] = missing([pool], [], withoutPools);
  assert.equal(finding!.at, 'error IPPool/ipv4 ');
  assert.match(finding!.message, /no CustomResourceDefinition ippools\.crd\.projectcalico\.org.*install or upgrade the calico-crds chart first/);
});

test('CRDs not read (a dump without them): not checked', () => {
  const older = crds((kind, schema) => {
    if (kind === 'IPPool') delete schema.properties.spec.properties.allowedUses;
  });
  assert.equal(missing([pool], [], older).length, 1);
  assert.deepEqual(missing([pool], [], undefined), []);
});

test('a schema that keeps unknown fields keeps them', () => {
  const open = crds((kind, schema) => {
    if (kind === 'IPPool') {
      delete schema.properties.spec.properties.allowedUses;
      schema.properties.spec['x-kubernetes-preserve-unknown-fields'] = true;
    }
  });
  assert.deepEqual(missing([pool], [], open), []);
});
