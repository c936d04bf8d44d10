/**
 * How a definition's layers merge (docs/definitions.md#layering): maps key by key, later wins,
 * `null` removes; an IP pool and a global network policy that a later layer names are replaced
 * whole; routers come as a list, replaced whole.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defineCluster, defineLayer } from '../../src/model/define';
import type { ClusterLayer } from '../../src/model/definition';
import { resolveCluster, type ResolvedCluster } from '../../src/resolve/resolve';
import { mergeLayers } from '../../src/util/merge';

const base = defineLayer({
  group: 'main',
  calicoVersion: '3.30.7',
  ipam: { strictAffinity: true },
  bgp: { nodeToNodeMesh: false, peerAsNumber: 65000, asLoop: 1 },
  ipPools: { ipv4: { cidr: '10.64.0.0/17', blockSize: 27, natOutgoing: true } },
  globalNetworkPolicies: { 'default-deny': { selector: 'all()', types: ['Ingress', 'Egress'] } },
  typha: { replicaCount: 3, resources: { requests: { cpu: '500m' } } },
});

function resolve(...layers: ClusterLayer[]): ResolvedCluster {
  const own = { name: 'a', site: 'ams', kubeContext: 'a', bgp: { asNumber: 64601 } };
  const result = resolveCluster({ name: 'a', file: 'clusters/a.ts', definition: defineCluster(base, ...layers, own), dependencies: [] });
  assert.ok(result.ok, JSON.stringify(!result.ok && result.findings));
  return result.cluster;
}

test('a later layer that names a pool gives it whole: the lower layer\'s blockSize and natOutgoing do not stay', () => {
  const spec = resolve({ ipPools: { ipv4: { cidr: '10.64.0.0/17' } } }).spec;
  assert.deepEqual(spec.ipPools.ipv4, { cidr: '10.64.0.0/17' });
});

test('a pool no later layer names keeps every key the lower layer gave it', () => {
  const spec = resolve({ ipPools: { ipv6: { cidr: '2001:db8::/64' } } }).spec;
  assert.deepEqual(spec.ipPools.ipv4, { cidr: '10.64.0.0/17', blockSize: 27, natOutgoing: true });
  assert.deepEqual(spec.ipPools.ipv6, { cidr: '2001:db8::/64' });
});

test('a later layer that names a global network policy gives it whole', () => {
  const spec = resolve({ globalNetworkPolicies: { 'default-deny': { selector: 'has(app)' } } }).spec;
  assert.deepEqual(spec.globalNetworkPolicies['default-deny'], { selector: 'has(app)' });
});

test('other maps still merge key by key, and null removes a pool', () => {
  const spec = resolve({ typha: { resources: { limits: { cpu: '1' } } }, ipPools: { ipv4: null, ipv6: { cidr: '2001:db8::/64' } } }).spec;
  assert.equal(spec.typha.replicaCount, 3);
  assert.equal(spec.typha.resources.requests?.cpu, '500m');
  assert.equal(spec.typha.resources.limits?.cpu, '1');
  assert.deepEqual(Object.keys(spec.ipPools), ['ipv6']);
});

test('mergeLayers: atomic entries are replaced whole at their depth only, nulls inside them dropped', () => {
  const lower = { pools: { a: { cidr: 'x', size: 1 } }, other: { a: { cidr: 'x', size: 1 } } };
  const upper = { pools: { a: { cidr: 'y', mode: null } }, other: { a: { cidr: 'y' } } };
  assert.deepEqual(mergeLayers([lower, upper], [['pools']]), { pools: { a: { cidr: 'y' } }, other: { a: { cidr: 'y', size: 1 } } });
  assert.deepEqual(mergeLayers([lower, upper]), { pools: { a: { cidr: 'y', size: 1 } }, other: { a: { cidr: 'y', size: 1 } } });
});
