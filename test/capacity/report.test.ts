import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatCapacity, utilisationText } from '../../src/report/capacity';
import { clusterCapacity } from '../../src/validate/capacity';
import { poolCapacity } from '../../src/core/capacity';
import { makeCidr } from '../../src/core/net';
import { clusterOf, withValues } from '../validate-cluster/support';

const cluster = () => clusterCapacity(clusterOf(withValues({ IPPools: { ipv4: { cidr: '10.0.0.0/22' }, ipv6: { cidr: '2001:db8::/64' } } }), { name: 'c1', expectedNodes: 7 }));

test('JSON has exactly the documented keys, and IPv6 counts are exact integers beyond 2^53', () => {
  const text = formatCapacity([cluster()], 'json');
  const document = JSON.parse(text) as { clusters: { cluster: string; pools: Record<string, unknown>[] }[] };
  assert.deepEqual(Object.keys(document), ['clusters']);
  assert.deepEqual(Object.keys(document.clusters[0]!), ['cluster', 'pools', 'families']);
  assert.deepEqual(Object.keys(document.clusters[0]!.pools[0]!), ['name', 'cidr', 'blockSize', 'blocks', 'addressesPerBlock', 'blocksPerNode', 'maxNodes', 'expectedNodes']);
  assert.deepEqual(document.clusters[0]!.pools[0], { name: 'ipv4', cidr: '10.0.0.0/22', blockSize: 26, blocks: 16, addressesPerBlock: 64, blocksPerNode: 2, maxNodes: 8, expectedNodes: 7 });
  assert.match(text, /"blocks": 288230376151711744,/, '2^58, written exactly');
  assert.match(text, /"maxNodes": 144115188075855872,/);
});

test('expectedNodes is null in JSON and "-" in the table when the cluster declares none', () => {
  const capacity = clusterCapacity(clusterOf(withValues({}), { name: 'c2' }));
  const document = JSON.parse(formatCapacity([capacity], 'json')) as { clusters: { pools: { expectedNodes: unknown }[] }[] };
  assert.equal(document.clusters[0]!.pools[0]!.expectedNodes, null);
  assert.match(formatCapacity([capacity], 'text'), /^c2 +ipv4 +10\.64\.0\.0\/17 +26 +512 +64 +2 +256 +- +-$/m);
});

test('the table has the documented columns, utilisation of a family\'s only pool on its row (marked over 80 %), and the assumptions per cluster', () => {
  const lines = formatCapacity([cluster()], 'text').split('\n');
  assert.deepEqual(lines[0]!.split(/ +/), ['cluster', 'pool', 'cidr', 'blockSize', 'blocks', 'addressesPerBlock', 'blocksPerNode', 'maxNodes', 'expectedNodes', 'utilisation']);
  assert.deepEqual(lines[1]!.split(/ +/), ['c1', 'ipv4', '10.0.0.0/22', '26', '16', '64', '2', '8', '7', '87.5%', 'over', '80%']);
  assert.deepEqual(lines[2]!.split(/ +/), ['c1', 'ipv6', '2001:db8::/64', '122', '288230376151711744', '64', '2', '144115188075855872', '7', '<0.1%']);
  assert.ok(lines.includes('c1: 110 pods per node, strict affinity (each node needs blocksPerNode blocks of its own)'));
});

test('utilisation: over 100 %, no room at all, disabled pools', () => {
  const pool = poolCapacity({ name: 'p', cidr: makeCidr(4, 0n, 24), blockSize: 26 }, 110, true);
  assert.equal(utilisationText(pool, 3), '150.0%');
  assert.equal(utilisationText(poolCapacity({ name: 'p', cidr: makeCidr(4, 0n, 27), blockSize: 26 }, 110, true), 1), 'no room');
  assert.equal(utilisationText({ ...pool, disabled: true }, 1), 'disabled');
});
