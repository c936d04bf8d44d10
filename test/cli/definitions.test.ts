/** `validate` and `capacity` on cluster definitions (a fleet in a temporary project). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterSource, fleetProject, runCli } from '../support/cli';

const twoClustersOneAs = () =>
  fleetProject({
    'a.ts': clusterSource('a', 'capacity: { expectedNodes: 100 },', { asNumber: 64601 }),
    'b.ts': clusterSource('b', '', { asNumber: 64601, v4: '10.65.0.0/17', v6: '2001:db8:b00:c000::/64' }),
  });

test('validate: a fleet rule finding is reported in each cluster\'s definition file, exit 1', () => {
  const result = runCli(['validate', '--format', 'json'], { cwd: twoClustersOneAs() });
  assert.equal(result.status, 1, result.stderr);
  const report = JSON.parse(result.stdout) as { findings: { rule: string; cluster: string; source: { file: string } }[] };
  assert.deepEqual(
    report.findings.map((f) => [f.rule, f.cluster, f.source.file]),
    [
      ['as-number-duplicate', 'a', 'clusters/a.ts'],
      ['as-number-duplicate', 'b', 'clusters/b.ts'],
    ],
  );
});

test('validate --cluster a still checks a against the rest of the fleet, and reports only a', () => {
  const result = runCli(['validate', '--cluster', 'a'], { cwd: twoClustersOneAs() });
  assert.equal(result.status, 1);
  const line = clusterSource('a', '', { asNumber: 64601 }).split('\n').findIndex((text) => text.includes('asNumber: 64601')) + 1;
  assert.match(result.stdout, new RegExp(`^clusters/a\\.ts:${line}:\\d+: error as-number-duplicate: cluster a BGPConfiguration/default /spec/asNumber: AS 64601 is also the AS of cluster b`, 'm'));
  assert.doesNotMatch(result.stdout, /cluster b /);
});

test('validate: a clean fleet exits 0', () => {
  const project = fleetProject({
    'a.ts': clusterSource('a', '', { asNumber: 64601 }),
    'b.ts': clusterSource('b', '', { asNumber: 64602, v4: '10.65.0.0/17', v6: '2001:db8:b00:c000::/64' }),
  });
  const result = runCli(['validate'], { cwd: project });
  assert.equal(result.stdout, '0 errors, 0 warnings\n');
  assert.equal(result.status, 0);
});

test('capacity on definitions reads expectedNodes from the definition', () => {
  const result = runCli(['capacity', '--cluster', 'a'], { cwd: twoClustersOneAs() });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^a +ipv4 +10\.64\.0\.0\/17 +26 +512 +64 +2 +256 +100 +39\.0%$/m);
});

test('--expected-nodes goes with hand-written inputs only: a one-line error', () => {
  const result = runCli(['validate', '--expected-nodes', '3'], { cwd: twoClustersOneAs() });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /^calico-gen: validate: --expected-nodes and --max-pods go with --values or --manifests/);
});
