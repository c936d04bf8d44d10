/**
 * `capacity` and the pool-capacity rule judge one figure: what a family's enabled pools hold
 * together (nodes draw from every enabled pool of their family). capacity marks rows over 80 % and
 * 100 % and exits 1 over 100 %, exactly when pool-capacity is an error.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, tempDir } from '../support/cli';

function valuesFile(pools: Record<string, string>): string {
  const dir = tempDir('capacity');
  const lines = ['IPAMConfig: {strictAffinity: true}', 'BGPConfiguration: {asNumber: 64601, nodeToNodeMeshEnabled: false}', 'PeerAS: 65000', 'IPPools:'];
  for (const [name, spec] of Object.entries(pools)) lines.push(`  ${name}: ${spec}`);
  fs.writeFileSync(path.join(dir, 'values.yaml'), `${lines.join('\n')}\n`);
  return dir;
}

const ipv6 = '{cidr: "2001:db8:f00:e000::/64"}';
const run = (dir: string, command: string, nodes: number, ...extra: string[]) => runCli([command, '--cluster', 'fra-ml', '--values', 'values.yaml', '--expected-nodes', String(nodes), '--max-pods', '60', ...extra], { cwd: dir });
const poolCapacityFindings = (dir: string, nodes: number) =>
  (JSON.parse(run(dir, 'validate', nodes, '--format', 'json').stdout) as { findings: { rule: string; severity: string; object: string }[] }).findings
    .filter((f) => f.rule === 'pool-capacity')
    .map((f) => `${f.severity} ${f.object}`);

test('two IPv4 pools of 32 nodes each for 40 nodes: 62.5 % of the family, in the table and for the rule; exit 0', () => {
  const dir = valuesFile({ ipv4: '{cidr: 10.73.0.0/21, blockSize: 27}', 'ipv4-2': '{cidr: 10.73.8.0/21, blockSize: 27}', ipv6 });
  const result = run(dir, 'capacity', 40);
  assert.equal(result.status, 0, result.stderr);
  const rows = result.stdout.split('\n').map((line) => line.split(/  +/));
  assert.deepEqual(rows.find((row) => row[1] === 'ipv4')!.slice(7), ['32', '40', 'see IPv4 total']);
  assert.deepEqual(rows.find((row) => row[1] === 'ipv4-2')!.slice(7), ['32', '40', 'see IPv4 total']);
  assert.deepEqual(rows.find((row) => row[1] === 'IPv4 total')!.slice(2), ['2 enabled pools', '128', '64', '40', '62.5%']);
  assert.match(result.stdout, /^utilisation is per address family: nodes draw from every enabled pool of their family$/m);
  assert.deepEqual(poolCapacityFindings(dir, 40), []);
  const json = JSON.parse(run(dir, 'capacity', 40, '--format', 'json').stdout) as { clusters: { families: unknown[] }[] };
  assert.deepEqual(json.clusters[0]!.families[0], { family: 4, pools: ['ipv4', 'ipv4-2'], maxNodes: 64, expectedNodes: 40, utilisation: 62.5, status: 'ok' });
});

test('one pool of 32 nodes for 40: 125 % marked over 100 %, exit 1 with one line saying why; pool-capacity an error', () => {
  const dir = valuesFile({ ipv4: '{cidr: 10.73.0.0/21, blockSize: 27}', 'ipv4-old': '{cidr: 10.73.8.0/21, blockSize: 27, disabled: true}', ipv6 });
  const result = run(dir, 'capacity', 40);
  assert.equal(result.status, 1);
  assert.match(result.stdout, /^fra-ml +ipv4 +10\.73\.0\.0\/21 .* 32 +40 +125\.0% over 100%$/m);
  assert.match(result.stdout, /^fra-ml +ipv4-old +10\.73\.8\.0\/21 .* disabled$/m);
  assert.equal(result.stderr, 'calico-gen: capacity: cluster fra-ml: 40 expected nodes are 125.0% of the 32 the IPv4 pools (ipv4) hold\n');
  assert.deepEqual(poolCapacityFindings(dir, 40), ['error IPPool/ipv4']);
  const json = JSON.parse(run(dir, 'capacity', 40, '--format', 'json').stdout) as { clusters: { families: { status: string; utilisation: number }[] }[] };
  assert.deepEqual(json.clusters[0]!.families.map((f) => [f.status, f.utilisation]), [['error', 125], ['ok', 0]]);
});

test('27 nodes of 32: marked over 80 %, exit 0; pool-capacity a warning; 25 of 32 is unmarked and no finding', () => {
  const dir = valuesFile({ ipv4: '{cidr: 10.73.0.0/21, blockSize: 27}', ipv6 });
  const warned = run(dir, 'capacity', 27);
  assert.equal(warned.status, 0, warned.stderr);
  assert.match(warned.stdout, / 27 +84\.3% over 80%$/m);
  assert.deepEqual(poolCapacityFindings(dir, 27), ['warning IPPool/ipv4']);
  const fine = run(dir, 'capacity', 25);
  assert.match(fine.stdout, / 25 +78\.1%$/m);
  assert.deepEqual(poolCapacityFindings(dir, 25), []);
});

test('on a terminal the marks are coloured, unless NO_COLOR', async () => {
  const { main } = await import('../../src/cli/main');
  const dir = valuesFile({ ipv4: '{cidr: 10.73.0.0/21, blockSize: 27}', ipv6 });
  const capture = async (env: NodeJS.ProcessEnv, isTTY: boolean) => {
    let out = '';
    const io = { stdout: { write: (t: string) => (out += t), isTTY }, stderr: { write: () => true, isTTY }, env, cwd: dir };
    await main(['capacity', '--values', 'values.yaml', '--cluster', 'fra-ml', '--expected-nodes', '40', '--max-pods', '60'], io);
    return out;
  };
  assert.match(await capture({}, true), /\x1b\[31m125\.0% over 100%\x1b\[0m/);
  assert.doesNotMatch(await capture({ NO_COLOR: '1' }, true), /\x1b\[/);
  assert.doesNotMatch(await capture({}, false), /\x1b\[/);
});
