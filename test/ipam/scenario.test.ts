// A generated 200-node cluster read from its kubectl dumps: the YAML and the JSON give the same
// state, and what was planted (gone nodes, a /28 in a /26 pool, an orphaned and a deleted block,
// a pending affinity, borrowed addresses) is what the figures say.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseLiveIpam, clusterLiveJson, poolLiveJson, readIpamDump, type IpamState } from '../../src/ipam';
import { cidrContains, parseCidr } from '../../src/core/net';
import { kubectlJson, kubectlYaml } from '../support/ipam/kubectl-format';
import { scenarioCluster } from '../support/ipam/presets';
import type { Obj } from './support';

const cluster = scenarioCluster();
const yamlState = readIpamDump(kubectlYaml(cluster.objects), 'scenario.yaml', 'ams-main');
const jsonState = readIpamDump(kubectlJson(cluster.objects), 'scenario.json', 'ams-main');

function summary(state: IpamState) {
  const analysis = analyseLiveIpam(state, { cluster: 'ams-main' });
  return { pools: analysis.figures.pools.map((pool) => ({ pool: pool.pool, ...poolLiveJson(pool) })), live: clusterLiveJson(analysis.figures.live), findings: analysis.findings };
}

const cidr = (text: string) => {
  const parsed = parseCidr(text);
  assert.ok(parsed.ok, text);
  return parsed.value;
};
const spec = (object: Obj) => object.spec as Record<string, unknown>;
const blocks = cluster.objects.filter((object) => object.kind === 'IPAMBlock');
const poolCidr = (name: string) => cidr(String(spec(cluster.objects.find((o) => o.kind === 'IPPool' && (o.metadata as { name: string }).name === name)!).cidr));

test('the YAML and the JSON dump of one cluster give the same state and figures', () => {
  assert.deepEqual(summary(yamlState), summary(jsonState));
  assert.equal(yamlState.blocks.length, cluster.facts.blocks);
  assert.equal(yamlState.nodes.size, 200);
});

test('the generator is deterministic: the same seed gives the same dump', () => {
  assert.equal(kubectlYaml(scenarioCluster().objects), kubectlYaml(cluster.objects));
});

test('cluster figures: 200 nodes, the orphaned block, the deleted block and the pending affinity', () => {
  const { live } = summary(yamlState);
  assert.deepEqual(live, { nodes: 200, orphanedBlocks: 1, deletedBlocks: 1, pendingAffinities: 1, calicoVersion: null });
});

test('pool figures show the /28 block in the /26 pool, the borrowed addresses and the blocks of the three gone nodes', () => {
  const pools = new Map(summary(yamlState).pools.map((pool) => [pool.pool, pool]));
  assert.equal(pools.get('ipv4')!.blocksOtherSize, 1);
  assert.equal(pools.get('ipv4')!.borrowedAddresses, 7);
  assert.equal(cluster.facts.goneNodes.length, 3);
  let goneBlocks = 0;
  for (const name of ['ipv4', 'gpu-ipv4', 'ipv6']) {
    const inPool = blocks.filter((b) => spec(b).deleted !== true && cidrContains(poolCidr(name), cidr(String(spec(b).cidr))));
    const ofGone = inPool.filter((b) => cluster.facts.goneNodes.some((gone) => spec(b).affinity === `host:${gone}`)).length;
    assert.equal(pools.get(name)!.blocksOfGoneNodes, ofGone, name);
    goneBlocks += ofGone;
    const allocated = inPool.reduce((sum, b) => sum + (spec(b).allocations as unknown[]).filter((a) => a !== null).length, 0);
    assert.equal(pools.get(name)!.addressesInUse, allocated, name);
  }
  assert.ok(goneBlocks >= 3, 'each gone node left at least one block');
  assert.equal(pools.get('ipv6')!.blocksFree, String((1n << 58n) - BigInt(pools.get('ipv6')!.blocksClaimed)));
});

test('expected nodes beyond what a family of pools holds: one error for the IPv4 pools together, none for IPv6', () => {
  const pools = summary(yamlState).pools;
  const room = BigInt(pools.find((p) => p.pool === 'ipv4')!.nodesThatCanStillJoin) + BigInt(pools.find((p) => p.pool === 'gpu-ipv4')!.nodesThatCanStillJoin);
  const tooMany = analyseLiveIpam(yamlState, { cluster: 'ams-main', expectedNodes: 200 + Number(room) + 1 }).findings.filter((f) => f.rule === 'ipam-pool-no-room-for-nodes');
  assert.equal(tooMany.length, 1);
  assert.equal(tooMany[0]!.object, 'IPPool/gpu-ipv4');
  assert.match(tooMany[0]!.message, new RegExp(`only ${room} more nodes can get a block of their own in the pools gpu-ipv4 \\(10.64.128.0/21\\), ipv4 \\(10.64.0.0/17\\).*capacity.expectedNodes is ${200 + Number(room) + 1} and 200 nodes exist, so ${room + 1n} are still to come`));
  const justEnough = analyseLiveIpam(yamlState, { cluster: 'ams-main', expectedNodes: 200 + Number(room) }).findings.filter((f) => f.rule === 'ipam-pool-no-room-for-nodes');
  assert.deepEqual(justEnough, []);
});
