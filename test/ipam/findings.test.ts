// The live capacity findings, each side of each: a pool over 80 % taken, a pool with no room for
// another node, a family of pools with less room than the nodes still expected.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseLiveIpam, POOL_NEARLY_FULL, POOL_NO_ROOM } from '../../src/ipam';
import { block, node, pool, stateOf, type Obj } from './support';

/** A /24 pool of /28 blocks (16 slots), `taken` of them claimed by n0…, plus `idle` nodes without a block. */
function cluster(taken: number, idle: number, extra: Obj = {}): Obj[] {
  const nodes = Array.from({ length: taken + idle }, (_, i) => node(`n${i}`));
  const blocks = Array.from({ length: taken }, (_, i) => block(`10.0.0.${i * 16}/28`, { affinity: `host:n${i}`, pods: { 0: undefined } }));
  return [...nodes, pool('ipv4', '10.0.0.0/24', 28, extra), ...blocks];
}

const rules = (objects: Obj[], expectedNodes?: number) =>
  analyseLiveIpam(stateOf(objects), { cluster: 'c', ...(expectedNodes !== undefined ? { expectedNodes } : {}) }).findings.map((f) => `${f.rule} ${f.severity} ${f.object}`);

test(`${POOL_NEARLY_FULL.id}: 13 of 16 slots taken warns, 12 does not`, () => {
  assert.deepEqual(rules(cluster(12, 0)), []);
  const [finding] = analyseLiveIpam(stateOf(cluster(13, 0)), { cluster: 'c' }).findings;
  assert.equal(`${finding!.rule} ${finding!.severity} ${finding!.object} ${finding!.path}`, 'ipam-pool-nearly-full warning IPPool/ipv4 /spec/cidr');
  assert.match(finding!.message, /^pool ipv4 \(10\.0\.0\.0\/24, \/28 blocks\): 13 of its 16 block slots are taken \(81\.2 %, above 80 %: 13 claimed by nodes.*3 are free and 0 nodes it picks have none yet, so 3 more nodes can join\. Plan room now: add a second IPPool/);
});

test(`${POOL_NO_ROOM.id}: no free slot for a node without a block is an error; one free slot per such node is not`, () => {
  assert.deepEqual(rules(cluster(14, 2)).filter((r) => r.startsWith(POOL_NO_ROOM.id)), [`${POOL_NO_ROOM.id} error IPPool/ipv4`]);
  assert.deepEqual(rules(cluster(14, 1)).filter((r) => r.startsWith(POOL_NO_ROOM.id)), []);
  const [finding] = analyseLiveIpam(stateOf(cluster(14, 2)), { cluster: 'c' }).findings.filter((f) => f.rule === POOL_NO_ROOM.id);
  assert.match(finding!.message, /no further node can get a block of its own \(2 free block slots and 2 nodes it picks still without a block\)/);
});

test('blocks of gone nodes are named as room to win back', () => {
  const objects = [...cluster(14, 2), block('10.0.0.224/28', { affinity: 'host:gone-1' })];
  const [finding] = analyseLiveIpam(stateOf(objects), { cluster: 'c' }).findings.filter((f) => f.rule === POOL_NO_ROOM.id);
  assert.match(finding!.message, /release the 1 block of nodes that are gone \(with the datastore locked by calicoctl datastore migrate lock: calicoctl ipam check -o report\.json, calicoctl ipam release --from-report report\.json, then unlock\)/);
});

test('a disabled pool takes no new nodes: no capacity finding for it', () => {
  assert.deepEqual(rules(cluster(16, 3, { disabled: true })), []);
});

test(`${POOL_NO_ROOM.id} for expected nodes: fewer joinable nodes than expected is an error, enough is not`, () => {
  // 10 nodes with blocks, 6 free slots: 6 more can join
  assert.deepEqual(rules(cluster(10, 0), 16), []);
  assert.deepEqual(rules(cluster(10, 0), 17), [`${POOL_NO_ROOM.id} error IPPool/ipv4`]);
  assert.deepEqual(rules(cluster(10, 0), 5), [], 'fewer expected than exist');
});
