/**
 * review reports what diff would refuse or warn about, decided from the two revisions alone
 * (issue 13 §1): as findings introduced in every format, and in its exit status.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../support/cli';
import { commitAll, edit, fleetRepository, reviewJson } from './support';

const introduced = (review: ReturnType<typeof reviewJson>['review']) =>
  review.clusters.flatMap((c) => c.findings.introduced.map((f) => `${c.cluster} ${f.severity} ${f.rule}`));

test('the issue\'s scenario: review --base HEAD~1 of a commit changing a pool\'s blockSize in place is an error, exit 1, in text, JSON and markdown', () => {
  const repo = fleetRepository();
  edit(repo, 'clusters/fra-ml.ts', "blockSize: 27 }", "blockSize: 28 }");
  commitAll(repo, 'smaller blocks for fra-ml');
  const text = runCli(['review', '--base', 'HEAD~1'], { cwd: repo });
  assert.equal(text.status, 1, text.stderr);
  assert.match(text.stdout, /^ {2}introduced: error ippool-block-size-changed: IPPool\/ipv4 \/spec\/blockSize: blockSize changes from 27 to 28, but Calico forbids changing an IPPool's blockSize in place/m);
  assert.match(text.stderr, /the change introduces 1 error finding/);
  const { status, review } = reviewJson(repo, '--base', 'HEAD~1');
  assert.equal(status, 1);
  assert.deepEqual(introduced(review), ['fra-ml error ippool-block-size-changed']);
  const markdown = runCli(['review', '--base', 'HEAD~1', '--format', 'markdown'], { cwd: repo });
  assert.equal(markdown.status, 1);
  assert.match(markdown.stdout, /\| `fra-ml` \| 1 \| 0 \| 1 \| 0 \| 1 \| 0 \|/);
  assert.match(markdown.stdout, /- \*\*error\*\* `ippool-block-size-changed` `IPPool\/ipv4 \/spec\/blockSize`: blockSize changes from 27 to 28/);
});

test('ippool-cidr-changed: a pool kept under its name with a new cidr; a new pool beside it is no refusal', () => {
  const repo = fleetRepository();
  edit(repo, 'clusters/fra-ml.ts', "cidr: '10.73.0.0/21'", "cidr: '10.73.8.0/21'");
  const moved = reviewJson(repo, '--base', 'main');
  assert.equal(moved.status, 1, moved.stderr);
  assert.deepEqual(introduced(moved.review), ['fra-ml error ippool-cidr-changed']);
  edit(repo, 'clusters/fra-ml.ts', "ipv4: { cidr: '10.73.8.0/21'", "ipv4: { cidr: '10.73.0.0/21', blockSize: 27 },\n    'ipv4-2': { cidr: '10.73.8.0/21'");
  const added = reviewJson(repo, '--base', 'main');
  assert.equal(added.status, 0, added.stderr);
  assert.deepEqual(introduced(added.review), []);
});

test('a pool removed while enabled warns with the migration steps; one disabled in the base revision does not', () => {
  const repo = fleetRepository();
  edit(repo, 'clusters/fra-ml.ts', "ipv4: { cidr: '10.73.0.0/21', blockSize: 27 },", "ipv4: { cidr: '10.73.0.0/21', blockSize: 27 },\n    old: { cidr: '10.73.16.0/21' },");
  commitAll(repo, 'an old pool');
  edit(repo, 'clusters/fra-ml.ts', "\n    old: { cidr: '10.73.16.0/21' },", '');
  const removed = reviewJson(repo, '--base', 'HEAD');
  assert.equal(removed.status, 0, removed.stderr);
  assert.deepEqual(introduced(removed.review), ['fra-ml warning ippool-delete-enabled']);
  const finding = removed.review.clusters[0]!.findings.introduced[0] as unknown as { message: string; object: string };
  assert.equal(finding.object, 'IPPool/old');
  assert.match(finding.message, /1\. add the new pool, 2\. keep this one with disabled: true.*3\. move the pods.*4\. delete this pool/);
  edit(repo, 'clusters/fra-ml.ts', "ipv4: { cidr: '10.73.0.0/21', blockSize: 27 },", "ipv4: { cidr: '10.73.0.0/21', blockSize: 27 },\n    old: { cidr: '10.73.16.0/21', disabled: true },");
  commitAll(repo, 'the old pool disabled, its pods moved');
  edit(repo, 'clusters/fra-ml.ts', "\n    old: { cidr: '10.73.16.0/21', disabled: true },", '');
  const afterDisabling = reviewJson(repo, '--base', 'HEAD');
  assert.equal(afterDisabling.status, 0, afterDisabling.stderr);
  assert.deepEqual(introduced(afterDisabling.review), []);
});

test('the cluster AS and the peers\' AS changed are warnings, once per cluster; exit 0 (2 with --detailed-exitcode)', () => {
  const repo = fleetRepository();
  edit(repo, 'clusters/fra-ml.ts', 'asNumber: 64622', 'asNumber: 64632');
  edit(repo, 'clusters/shared/fleet.ts', 'peerAsNumber: 65000', 'peerAsNumber: 65001');
  const { status, review, stderr } = reviewJson(repo, '--base', 'main', '--detailed-exitcode');
  assert.equal(status, 2, stderr);
  assert.deepEqual(introduced(review), [
    'ams-main warning peer-as-number-changed',
    'ams-ml warning peer-as-number-changed',
    'ams-staging warning peer-as-number-changed',
    'fra-main warning peer-as-number-changed',
    'fra-ml warning as-number-changed',
    'fra-ml warning peer-as-number-changed',
  ]);
});

test('strictAffinity turned off in a cluster of the full mesh warns; turned on again does not', () => {
  const repo = fleetRepository();
  edit(repo, 'clusters/fra-ml.ts', "capacity: { expectedNodes: 24 },", "capacity: { expectedNodes: 24 },\n  bgp: { asNumber: 64622, nodeToNodeMesh: true },\n  ipam: { strictAffinity: true },");
  edit(repo, 'clusters/fra-ml.ts', "  bgp: { asNumber: 64622 },\n", '');
  commitAll(repo, 'fra-ml in a full mesh');
  edit(repo, 'clusters/fra-ml.ts', 'ipam: { strictAffinity: true }', 'ipam: { strictAffinity: false }');
  const off = reviewJson(repo, '--base', 'HEAD');
  assert.equal(off.status, 0, off.stderr);
  assert.deepEqual(introduced(off.review), ['fra-ml warning strict-affinity-disabled']);
  commitAll(repo, 'borrowing');
  edit(repo, 'clusters/fra-ml.ts', 'ipam: { strictAffinity: false }', 'ipam: { strictAffinity: true }');
  const on = reviewJson(repo, '--base', 'HEAD');
  assert.equal(on.status, 0, on.stderr);
  assert.deepEqual(introduced(on.review), []);
});

test('on a terminal review colours its text as diff does; not with NO_COLOR, not into a pipe, never its JSON', async () => {
  const { main } = await import('../../src/cli/main');
  const repo = fleetRepository();
  edit(repo, 'clusters/fra-ml.ts', "blockSize: 27 }", "blockSize: 28 }");
  const run = async (env: NodeJS.ProcessEnv, isTTY: boolean, ...extra: string[]) => {
    let stdout = '';
    const io = { stdout: { write: (t: string) => (stdout += t), isTTY }, stderr: { write: () => true, isTTY }, env, cwd: repo };
    const status = await main(['review', '--base', 'main', ...extra], io);
    return { status, stdout };
  };
  const coloured = await run({}, true);
  assert.equal(coloured.status, 1);
  assert.match(coloured.stdout, /\x1b\[31merror ippool-block-size-changed\x1b\[0m/);
  assert.match(coloured.stdout, /\x1b\[31m-  blockSize: 27\x1b\[0m/);
  assert.doesNotMatch((await run({ NO_COLOR: '1' }, true)).stdout, /\x1b\[/);
  assert.doesNotMatch((await run({}, false)).stdout, /\x1b\[/);
  assert.doesNotMatch((await run({}, true, '-o', 'json')).stdout, /\x1b\[/);
});
