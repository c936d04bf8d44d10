// The diff with the live IPAM state read: a pool the release deletes is judged by what its blocks
// hold (ippool-removed-in-use), not guessed at (ippool-delete-enabled); without the state, the
// guess stays and the diff says the IPAM refusals were not checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffCluster } from '../../src/diff/cluster';
import { ipamRefusalsOf } from '../../src/api/diff-ipam';
import type { KubeObject } from '../../src/core/kube';
import type { SynthesizedCluster } from '../../src/synth/synthesize';
import { desiredCluster } from '../live/support/planted';
import { block, ipamConfig, node, pool, stateOf } from '../ipam/support';
import { helmOwned, liveState } from './helpers';

let desired: SynthesizedCluster | undefined;
async function cluster(): Promise<SynthesizedCluster> {
  desired ??= await desiredCluster();
  return desired;
}

/** The release as deployed, plus pool `old` (10.70.0.0/24), owned by the release or not. */
function live(synthesized: SynthesizedCluster, owned: boolean): KubeObject[] {
  const old = pool('old', '10.70.0.0/24', 26) as unknown as KubeObject;
  return [...synthesized.manifests.map(helmOwned), owned ? helmOwned(old) : old];
}

/** Nodes n0 and n1; pool old's block on n0 holds `pods` pods. */
function ipam(synthesized: SynthesizedCluster, pods: number) {
  const objects = [node('n0'), node('n1'), pool('old', '10.70.0.0/24', 26), block('10.70.0.0/26', { affinity: 'host:n0', pods: Object.fromEntries(Array.from({ length: pods }, (_, i) => [i, undefined])) })];
  return ipamRefusalsOf(stateOf(objects, synthesized.cluster.name), synthesized);
}

async function findings(owned: boolean, pods?: number) {
  const synthesized = await cluster();
  const objects = live(synthesized, owned);
  const refusals = pods === undefined ? undefined : ipam(synthesized, pods);
  const diff = diffCluster({ synthesized, live: liveState(objects, { values: null }, synthesized.manifests), ...(refusals ? { ipamRefusals: refusals } : {}) });
  assert.deepEqual(diff.changes.map((c) => `${c.action} ${c.kind}/${c.name}`), ['delete IPPool/old']);
  return diff.findings.filter((f) => f.rule !== 'live-values-not-read');
}

const ids = (list: Awaited<ReturnType<typeof findings>>) => list.map((f) => `${f.rule} ${f.severity} ${f.object}`);

test('the release deletes a pool whose block holds pods: ippool-removed-in-use, and no guess', async () => {
  const found = await findings(true, 3);
  assert.deepEqual(ids(found), ['ippool-removed-in-use error IPPool/old']);
  assert.match(found[0]!.message, /IPPool old \(10\.70\.0\.0\/24, \/26 blocks\) would be deleted by the release while 1 block \(10\.70\.0\.0\/26\) on 1 node \(n0\) holding 3 addresses \(3 pods\) still allocated/);
});

test('the release deletes a pool no pod holds an address of: nothing to say', async () => {
  assert.deepEqual(await findings(true, 0), []);
});

test('without the live IPAM state: the old guess, and a note that the IPAM refusals were not checked', async () => {
  assert.deepEqual(ids(await findings(true)), ['live-ipam-not-read info IPAMBlock/*', 'ippool-delete-enabled warning IPPool/old']);
});

test('a pool Helm does not own stays as it is: no removal to refuse, the warning that it stays enabled', async () => {
  const found = await findings(false, 3);
  assert.deepEqual(ids(found), ['ippool-delete-enabled warning IPPool/old']);
  assert.match(found[0]!.message, /is in no cluster definition and Helm does not own it, so it stays, enabled/);
  assert.deepEqual(ids(await findings(false)), ['ippool-delete-enabled warning IPPool/old'], 'nothing of it changes, so nothing about IPAM to check');
});

/** A diff of `desired` extra objects against the release plus `liveExtra`, with the IPAM state of `ipamObjects`. */
async function diffWith(desiredExtra: KubeObject[], liveExtra: KubeObject[], ipamObjects: Record<string, unknown>[], liveStrictAffinity = true) {
  const base = await cluster();
  const synthesized = { ...base, manifests: [...base.manifests, ...desiredExtra] };
  // the live IPAMConfig as the IPAM state has it
  const asLive = (object: KubeObject) => (object.kind === 'IPAMConfig' ? { ...object, spec: { ...object.spec, strictAffinity: liveStrictAffinity } } : object);
  const objects = [...base.manifests.map(helmOwned).map(asLive), ...liveExtra];
  const refusals = ipamRefusalsOf(stateOf(ipamObjects, base.cluster.name), synthesized);
  return diffCluster({ synthesized, live: liveState(objects, { values: null }, synthesized.manifests), ipamRefusals: refusals }).findings;
}

const asObject = (value: Record<string, unknown>) => value as unknown as KubeObject;

test('a pool the release creates over live blocks of another size: ippool-over-foreign-blocks', async () => {
  const created = asObject(pool('wide', '10.70.0.0/24', 26));
  const found = await diffWith([created], [], [node('n0'), block('10.70.0.16/28', { affinity: 'host:n0', pods: { 0: undefined } })]);
  assert.deepEqual(ids(found), ['ippool-over-foreign-blocks error IPPool/wide']);
  assert.match(found[0]!.message, /would be created over 1 block \(10\.70\.0\.16\/28\) on 1 node \(n0\) holding 1 address \(1 pod\) of another size \(\/28\)/);
  assert.deepEqual(ids(await diffWith([created], [], [node('n0'), block('10.70.0.64/26', { affinity: 'host:n0' })])), [], 'a block of its own size is no foreign block');
});

test('a pool the release disables while pods hold its addresses: ippool-disabled-in-use with the pods to move', async () => {
  const disabled = asObject(pool('old', '10.70.0.0/24', 26, { disabled: true }));
  const found = await diffWith([disabled], [helmOwned(asObject(pool('old', '10.70.0.0/24', 26)))], [node('n0'), pool('old', '10.70.0.0/24', 26), block('10.70.0.0/26', { affinity: 'host:n0', pods: { 0: undefined, 5: undefined } })]);
  assert.deepEqual(ids(found), ['ippool-disabled-in-use warning IPPool/old']);
  assert.match(found[0]!.message, /2 pods must move before the pool can go/);
});

test('strict affinity turned on while addresses are borrowed: strict-affinity-borrowed', async () => {
  const base = await cluster();
  assert.equal(base.cluster.spec.ipam.strictAffinity, true, 'the example fleet runs with strict affinity');
  const lent = block('10.64.0.0/26', { affinity: 'host:n0', pods: { 0: undefined, 1: 'n1' } });
  const found = await diffWith([], [], [node('n0'), node('n1'), ipamConfig(false), lent], false);
  assert.deepEqual(ids(found), ['strict-affinity-borrowed warning IPAMConfig/default']);
  assert.deepEqual(ids(await diffWith([], [], [node('n0'), node('n1'), ipamConfig(true), lent])), [], 'already on: nothing turns on');
});
