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
import { block, node, pool, stateOf } from '../ipam/support';
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
