import { test } from 'node:test';
import assert from 'node:assert/strict';
import { notReadFinding, releaseFindings } from '../../src/diff/refusals/release';
import type { HelmRelease } from '../../src/live/types';
import { liveState, RELEASE } from './helpers';

const release = (status: string): HelmRelease => ({ ...RELEASE, revision: 7, status, chart: { name: 'calico', version: '0.5.2' }, config: {}, manifest: [] });
const rules = (deployed: HelmRelease | null | undefined, values: Record<string, unknown> | null | undefined = deployed ? {} : deployed) =>
  releaseFindings('c1', RELEASE, liveState([], { release: deployed, values })).map((f) => [f.rule, f.severity]);

test('helm-release-pending: Helm refuses to upgrade a release with an operation pending', () => {
  assert.deepEqual(rules(release('pending-upgrade')), [['helm-release-pending', 'error']]);
  const [finding] = releaseFindings('c1', RELEASE, liveState([], { release: release('pending-install'), values: {} }));
  assert.match(finding!.message, /revision 7 of release calico is pending-install.*another operation.*helm rollback calico -n kube-system/);
  assert.deepEqual(rules(release('deployed')), []);
});

test('helm-release-failed: a warning; superseded or deployed are fine', () => {
  assert.deepEqual(rules(release('failed')), [['helm-release-failed', 'warning']]);
  assert.deepEqual(rules(release('superseded')), []);
});

test('helm-release-missing: no release is an install; unknown values are said to be unknown', () => {
  assert.deepEqual(rules(null), [['helm-release-missing', 'info']]);
  assert.deepEqual(rules(undefined), [['live-values-not-read', 'info']]);
  assert.deepEqual(rules(undefined, { a: 1 }), []);
});

test('live-kind-not-read names the resource to add to the dump', () => {
  assert.match(notReadFinding('c1', 'crd.projectcalico.org/GlobalNetworkPolicy', 3).message, /3 desired GlobalNetworkPolicy object\(s\) are not compared: add globalnetworkpolicies\.crd\.projectcalico\.org/);
  assert.match(notReadFinding('c1', '/ConfigMap', 1).message, /add configmaps to/);
});
