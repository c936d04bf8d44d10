/** review and acknowledged findings: listed, marked, and never the reason review fails. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../support/cli';
import { commitAll, edit, exampleClusters, fleetRepository, reviewJson } from './support';

const duplicate = ["ipv4: '10.10.2.1'", "ipv4: '10.10.1.1'"] as const;
const acknowledgement = [
  'export const fleetDefaults = defineLayer({\n',
  "export const fleetDefaults = defineLayer({\n  acknowledge: [{ rule: 'peer-ip-duplicate', object: 'BGPPeer/lsw1-a2-ams-ipv4', reason: 'NET-7', until: '2999-12-31' }],\n",
] as const;

test('an error acknowledged by the change that introduces it is listed, marked, and does not fail review', () => {
  const repo = fleetRepository();
  edit(repo, 'clusters/shared/routers.ts', ...duplicate);
  edit(repo, 'clusters/shared/fleet.ts', ...acknowledgement);
  const { status, review, stderr } = reviewJson(repo, '--base', 'main');
  assert.equal(status, 0, stderr);
  assert.deepEqual(review.clusters.map((c) => c.cluster), exampleClusters);
  for (const cluster of review.clusters) {
    assert.deepEqual(cluster.findings.introduced.map((f) => [f.rule, f.severity, f.acknowledged]), [['peer-ip-duplicate', 'error', { reason: 'NET-7', until: '2999-12-31' }]]);
  }
  const text = runCli(['review', '--base', 'main'], { cwd: repo }).stdout;
  assert.match(text, /^ {2}introduced: error peer-ip-duplicate \(acknowledged until 2999-12-31: NET-7\): BGPPeer\/lsw1-a2-ams-ipv4 \/spec\/peerIP: /m);
});

test('the same error unacknowledged fails review; acknowledging a standing one lists it as acknowledged', () => {
  const repo = fleetRepository();
  edit(repo, 'clusters/shared/routers.ts', ...duplicate);
  const introduced = runCli(['review', '--base', 'main'], { cwd: repo });
  assert.equal(introduced.status, 1);
  assert.match(introduced.stderr, /the change introduces 5 error finding\(s\)/);
  commitAll(repo, 'a typo in a router address');
  edit(repo, 'clusters/shared/fleet.ts', ...acknowledgement);
  const { status, review, stderr } = reviewJson(repo, '--base', 'main');
  assert.equal(status, 0, stderr);
  for (const cluster of review.clusters) {
    assert.deepEqual(cluster.findings.introduced, []);
    assert.deepEqual(cluster.findings.fixed, []);
    assert.deepEqual(cluster.findings.acknowledged.map((f) => [f.rule, f.acknowledged?.reason]), [['peer-ip-duplicate', 'NET-7']]);
  }
});

test("acknowledged findings beside the change's refusals: in one introduced list, only the unacknowledged refusal fails review", () => {
  const repo = fleetRepository();
  edit(repo, 'clusters/shared/routers.ts', ...duplicate);
  edit(repo, 'clusters/shared/fleet.ts', ...acknowledgement);
  edit(repo, 'clusters/fra-ml.ts', 'blockSize: 27 }', 'blockSize: 28 }');
  edit(repo, 'clusters/fra-ml.ts', 'asNumber: 64622', 'asNumber: 64632');
  const { status, review, stderr } = reviewJson(repo, '--base', 'main');
  assert.equal(status, 1);
  // the five acknowledged duplicates do not count: the blockSize refusal is the one error
  assert.match(stderr, /the change introduces 1 error finding\(s\)/);
  const fraMl = review.clusters.find((c) => c.cluster === 'fra-ml')!;
  assert.deepEqual(fraMl.findings.introduced.map((f) => [f.rule, f.severity, f.acknowledged?.reason ?? null]).sort(), [
    ['as-number-changed', 'warning', null],
    ['ippool-block-size-changed', 'error', null],
    ['peer-ip-duplicate', 'error', 'NET-7'],
  ]);
  for (const cluster of review.clusters.filter((c) => c.cluster !== 'fra-ml')) {
    assert.deepEqual(cluster.findings.introduced.map((f) => [f.rule, f.acknowledged?.reason]), [['peer-ip-duplicate', 'NET-7']]);
  }
  // the refusal alone undone: the acknowledged error and the warning leave review passing
  edit(repo, 'clusters/fra-ml.ts', 'blockSize: 28 }', 'blockSize: 27 }');
  const passing = runCli(['review', '--base', 'main'], { cwd: repo });
  assert.equal(passing.status, 0, passing.stderr);
  assert.match(passing.stdout, /^ {2}introduced: warning as-number-changed: /m);
  assert.match(passing.stdout, /^ {2}introduced: error peer-ip-duplicate \(acknowledged until 2999-12-31: NET-7\): /m);
});
