/** review and diff decide a change's refusals with one set of rules, so they agree (issue 13 §1). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planObjects } from '../../src/diff/compare';
import { checkRefusals } from '../../src/diff/refusals';
import { builtInNormalisationRules } from '../../src/diff/normalisation';
import { compareRevisions } from '../../src/review/compare';
import type { KubeObject } from '../../src/core/kube';
import { helmOwned, liveState, obj, RELEASE } from '../diff/helpers';

const calico = (kind: string, name: string, spec: string) => helmOwned(obj(`{apiVersion: crd.projectcalico.org/v1, kind: ${kind}, metadata: {name: ${name}}, spec: ${spec}}`));
const meshOn = calico('BGPConfiguration', 'default', '{asNumber: 64601, nodeToNodeMeshEnabled: true}');

const scenarios: Record<string, [before: KubeObject[], after: KubeObject[], rules: string[]]> = {
  'cidr changed': [[calico('IPPool', 'p', '{cidr: 10.0.0.0/16}')], [calico('IPPool', 'p', '{cidr: 10.1.0.0/16}')], ['ippool-cidr-changed']],
  'blockSize changed': [[calico('IPPool', 'p', '{cidr: 10.0.0.0/16}')], [calico('IPPool', 'p', '{cidr: 10.0.0.0/16, blockSize: 28}')], ['ippool-block-size-changed']],
  'pool removed': [[calico('IPPool', 'p', '{cidr: 10.0.0.0/16}'), calico('IPPool', 'q', '{cidr: 10.1.0.0/16}')], [calico('IPPool', 'q', '{cidr: 10.1.0.0/16}')], ['ippool-delete-enabled']],
  'disabled pool removed': [[calico('IPPool', 'p', '{cidr: 10.0.0.0/16, disabled: true}'), calico('IPPool', 'q', '{cidr: 10.1.0.0/16}')], [calico('IPPool', 'q', '{cidr: 10.1.0.0/16}')], []],
  'new pool over a removed one': [[calico('IPPool', 'p', '{cidr: 10.0.0.0/16}')], [calico('IPPool', 'q', '{cidr: 10.0.0.0/17}')], ['ippool-delete-enabled', 'ippool-overlaps-live-pool']],
  'strict affinity off': [[meshOn, calico('IPAMConfig', 'default', '{strictAffinity: true}')], [meshOn, calico('IPAMConfig', 'default', '{strictAffinity: false}')], ['strict-affinity-disabled']],
  'cluster AS changed': [[meshOn], [calico('BGPConfiguration', 'default', '{asNumber: 64602, nodeToNodeMeshEnabled: true}')], ['as-number-changed']],
  'peer AS changed': [[calico('BGPPeer', 'r', '{peerIP: 192.0.2.1, asNumber: 65000}')], [calico('BGPPeer', 'r', '{peerIP: 192.0.2.1, asNumber: 65001}')], ['peer-as-number-changed']],
  'nothing refused': [[meshOn, calico('IPPool', 'p', '{cidr: 10.0.0.0/16}')], [meshOn, calico('IPPool', 'p', '{cidr: 10.0.0.0/16, natOutgoing: true}')], []],
};

for (const [name, [before, after, rules]] of Object.entries(scenarios)) {
  test(`review and diff agree: ${name}`, () => {
    const state = (manifests: KubeObject[]) => ({ manifests, values: {}, findings: [], release: RELEASE });
    const [reviewed] = compareRevisions({ label: 'base', clusters: new Map([['c1', state(before)]]) }, { label: 'head', clusters: new Map([['c1', state(after)]]) });
    const fromReview = (reviewed?.findings.introduced ?? []).map((f) => [f.rule, f.severity, f.object, f.path, f.message]);
    const plan = planObjects(after, liveState(before), RELEASE, builtInNormalisationRules);
    const fromDiff = checkRefusals('c1', { release: RELEASE, ownership: plan.ownership, pairs: plan.pairs }).map((f) => [f.rule, f.severity, f.object, f.path, f.message]);
    assert.deepEqual(fromReview.map(([rule]) => rule).sort(), rules);
    assert.deepEqual(fromReview.sort(), fromDiff.sort());
  });
}
