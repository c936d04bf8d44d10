/**
 * Issue 11 §3 from the command line: an acknowledged finding is still reported, marked, and does
 * not stop synth nor fail validate; past its day it counts again; one that matches nothing is a
 * warning at its entry; a malformed one is a located definition error.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../support/cli';
import { at, files, locationsFleet } from '../locations/support';

/** The group's two shared mistakes acknowledged there; cluster b written without mistakes. */
function acknowledgedGroup(entries: string[]): string {
  return files['shared/group.ts']!.replace("  group: 'main',\n", `  group: 'main',\n  acknowledge: [\n${entries.map((e) => `    ${e},\n`).join('')}  ],\n`);
}
const cleanB = files['a.ts']!.replace(/'a'/g, "'b'").replace("'10.64.0.0/17'", "'10.65.0.0/17'").replace('2001:db8:a00:', '2001:db8:b00:');
const sharedMistakes = [
  "{ rule: 'peer-ip-duplicate', object: 'BGPPeer/cr2-ipv4', reason: 'NET-42: cr2 is renumbered on Monday', until: '2999-12-31' }",
  "{ rule: 'resources-request-above-limit', reason: 'NET-43' }",
  "{ rule: 'as-number-duplicate', reason: 'NET-44', until: '2999-12-31' }",
];

function fleet(group: string): { dir: string; group: string } {
  return { dir: locationsFleet({ 'shared/group.ts': group, 'b.ts': cleanB }), group };
}

test('acknowledged findings are reported and marked, but synth writes and validate passes', () => {
  const { dir } = fleet(acknowledgedGroup(sharedMistakes));
  const synth = runCli(['synth'], { cwd: dir });
  assert.equal(synth.status, 0, synth.stderr);
  assert.match(synth.stdout, /synthesised 2 clusters /);
  assert.ok(fs.existsSync(path.join(dir, 'generated/a/calico-values.yaml')));
  assert.match(synth.stderr, /error peer-ip-duplicate \(acknowledged until 2999-12-31: NET-42: cr2 is renumbered on Monday\): BGPPeer\/cr2-ipv4 \/spec\/peerIP in 2 clusters: a, b:/);
  assert.match(synth.stderr, /^0 errors, 0 warnings, 4 acknowledged$/m);
  const validate = runCli(['validate', '--format', 'json'], { cwd: dir });
  assert.equal(validate.status, 0, validate.stdout);
  const report = JSON.parse(validate.stdout) as { findings: { rule: string; acknowledged?: unknown }[]; summary: unknown };
  assert.deepEqual(report.summary, { errors: 0, warnings: 0, acknowledged: 4 });
  assert.deepEqual(report.findings.find((f) => f.rule === 'peer-ip-duplicate')!.acknowledged, { reason: 'NET-42: cr2 is renumbered on Monday', until: '2999-12-31' });
  assert.deepEqual(report.findings.find((f) => f.rule === 'resources-request-above-limit')!.acknowledged, { reason: 'NET-43' });
  const github = runCli(['validate', '--format', 'github'], { cwd: dir }).stdout;
  assert.match(github, /^::notice file=clusters\/shared\/routers\.ts,line=4,col=48,title=acknowledged error peer-ip-duplicate BGPPeer\/cr2-ipv4 \(2 clusters\)::/m);
});

test('an acknowledgement past its day no longer holds: synth writes nothing, and the finding says so', () => {
  const { dir } = fleet(acknowledgedGroup([...sharedMistakes.slice(1), "{ rule: 'peer-ip-duplicate', reason: 'NET-42', until: '2000-01-31' }"]));
  const synth = runCli(['synth'], { cwd: dir });
  assert.equal(synth.status, 1);
  assert.ok(!fs.existsSync(path.join(dir, 'generated')));
  assert.match(synth.stderr, /error peer-ip-duplicate \(acknowledgement expired 2000-01-31, it counts again: NET-42\): BGPPeer\/cr2-ipv4/);
  assert.match(synth.stderr, /^1 error, 0 warnings, 3 acknowledged$/m);
});

test('an acknowledgement that matches nothing is a warning at its entry, once for the clusters that share it', () => {
  const unused = "{ rule: 'pool-overlap', object: 'IPPool/ipv4', reason: 'fixed long ago' }";
  const { dir, group } = fleet(acknowledgedGroup([...sharedMistakes, unused]));
  const result = runCli(['validate'], { cwd: dir });
  assert.equal(result.status, 0, result.stdout);
  const line = `${at('shared/group.ts', "{ rule: 'pool-overlap'", undefined, group)}: warning acknowledgement-unused: ClusterDefinition /acknowledge/3 in 2 clusters: a, b: the acknowledgement of pool-overlap on IPPool/ipv4 ("fixed long ago") matches no finding`;
  assert.ok(result.stdout.includes(line), result.stdout);
  assert.equal(runCli(['validate', '--strict'], { cwd: dir }).status, 1);
});

test('a malformed acknowledgement is a definition error at the key that is wrong', () => {
  const group = acknowledgedGroup(["{ rule: 'peer-ip-duplicate', reason: '', until: '2026-02-30' as any }"]);
  const { dir } = fleet(group);
  const result = runCli(['validate'], { cwd: dir });
  assert.equal(result.status, 1);
  assert.ok(result.stdout.includes(`${at('shared/group.ts', "until: '2026-02-30'", undefined, group)}: error definition-schema: ClusterDefinition /acknowledge/0/until in 2 clusters: a, b: "2026-02-30" is not a day of the calendar`), result.stdout);
  assert.ok(result.stdout.includes(`${at('shared/group.ts', "reason: ''", undefined, group)}: error definition-schema: ClusterDefinition /acknowledge/0/reason in 2 clusters: a, b:`), result.stdout);
});

test('a cached result is judged on the day of the run: the same cached findings, acknowledged before until and counted after', async () => {
  const { dir } = fleet(acknowledgedGroup([...sharedMistakes.slice(1), "{ rule: 'peer-ip-duplicate', reason: 'NET-42', until: '2026-06-30' }"]));
  const cwd = process.cwd();
  process.env.CALICO_GEN_CACHE_DIR = path.join(dir, 'cache');
  process.chdir(dir);
  try {
    const { runPipeline } = await import('../../src/pipeline');
    const { summarise } = await import('../../src/core/findings');
    const before = await runPipeline({ clustersDir: 'clusters', today: '2026-06-30' });
    assert.equal(before.cached, 0);
    assert.deepEqual(summarise(before.findings).summary, { errors: 0, warnings: 0, acknowledged: 4 });
    const after = await runPipeline({ clustersDir: 'clusters', today: '2026-07-01' });
    assert.equal(after.cached, 2);
    assert.deepEqual(summarise(after.findings).summary, { errors: 1, warnings: 0, acknowledged: 3 });
  } finally {
    process.chdir(cwd);
    delete process.env.CALICO_GEN_CACHE_DIR;
  }
});

test('synth -o json carries grouped and acknowledged findings as validate -o json does, and writes', () => {
  const { dir } = fleet(acknowledgedGroup(sharedMistakes));
  type Reported = { rule: string; cluster?: string; clusters?: string[]; acknowledged?: unknown; source?: { file: string } };
  const synth = runCli(['synth', '-o', 'json'], { cwd: dir });
  assert.equal(synth.status, 0, synth.stderr);
  const document = JSON.parse(synth.stdout) as { findings: Reported[]; summary: unknown; failed: boolean; written: string[] };
  assert.deepEqual([document.failed, document.summary, document.written.length], [false, { errors: 0, warnings: 0, acknowledged: 4 }, 4]);
  const duplicate = document.findings.find((f) => f.rule === 'peer-ip-duplicate')!;
  assert.deepEqual([duplicate.cluster, duplicate.clusters, duplicate.acknowledged], [undefined, ['a', 'b'], { reason: 'NET-42: cr2 is renumbered on Monday', until: '2999-12-31' }]);
  assert.equal(duplicate.source?.file, 'clusters/shared/routers.ts');
  const validate = JSON.parse(runCli(['validate', '-o', 'json'], { cwd: dir }).stdout) as { findings: Reported[]; summary: unknown };
  assert.deepEqual(validate, { findings: document.findings, summary: document.summary });
  // past its day the same finding counts: synth's document says it failed, and nothing is written
  const { dir: expired } = fleet(acknowledgedGroup([...sharedMistakes.slice(1), "{ rule: 'peer-ip-duplicate', reason: 'NET-42', until: '2000-01-31' }"]));
  const failed = runCli(['synth', '-o', 'json'], { cwd: expired });
  assert.equal(failed.status, 1);
  const refused = JSON.parse(failed.stdout) as { failed: boolean; summary: unknown; written: string[] };
  assert.deepEqual([refused.failed, refused.summary, refused.written], [true, { errors: 1, warnings: 0, acknowledged: 3 }, []]);
  assert.ok(!fs.existsSync(path.join(expired, 'generated')));
});
