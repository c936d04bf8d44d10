/**
 * Issue 11 §2: a finding about a value a definition wrote names the file, line and column of the
 * property that set it, in the module where it was written (a shared layer, the router table), not
 * in the cluster that imported it; one cause shared by several clusters is one finding.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../support/cli';
import { at, locationsFleet } from './support';

interface JsonFinding {
  rule: string;
  cluster?: string;
  clusters?: string[];
  object: string;
  source?: { file: string; line?: number; column?: number };
}

const where = (f: JsonFinding) => `${f.source?.file}:${f.source?.line}:${f.source?.column}`;
const summary = (findings: JsonFinding[]) => findings.map((f) => [f.rule, f.cluster ?? f.clusters!.join(','), f.object, where(f)]);

const expected = [
  ['as-number-duplicate', 'a', 'BGPConfiguration/default', at('shared/group.ts', 'asNumber')],
  ['peer-ip-duplicate', 'a,b', 'BGPPeer/cr2-ipv4', at('shared/routers.ts', 'ipv4', "name: 'cr2'")],
  ['resources-request-above-limit', 'a,b', 'values', at('shared/group.ts', "cpu: '2'")],
  ['as-number-duplicate', 'b', 'BGPConfiguration/default', at('shared/group.ts', 'asNumber')],
  // built by a spread: the nearest literal property that holds it
  ['dual-stack-pool-missing', 'b', 'BGPConfiguration/default', at('b.ts', 'ipv4')],
  // a chart default no layer sets: the defineCluster call
  ['strict-affinity-required', 'b', 'IPAMConfig/default', at('b.ts', 'defineCluster(')],
  ['ippool-block-size', 'b', 'IPPool/ipv4', at('b.ts', 'ipv4')],
];

test('validate: each finding at the property that set the value, in the module that wrote it; a shared cause once, with its clusters', () => {
  const dir = locationsFleet();
  const result = runCli(['validate', '--format', 'json'], { cwd: dir });
  assert.equal(result.status, 1, result.stderr);
  const report = JSON.parse(result.stdout) as { findings: JsonFinding[]; summary: { errors: number } };
  assert.deepEqual(summary(report.findings), expected);
  const shared = report.findings.find((f) => f.rule === 'peer-ip-duplicate')!;
  assert.deepEqual(shared.clusters, ['a', 'b']);
  assert.equal('cluster' in shared, false);
  assert.equal(report.summary.errors, expected.length);
  // the cached run locates its findings the same, fleet facts included
  const cached = runCli(['validate', '--format', 'json'], { cwd: dir });
  assert.equal(cached.stdout, result.stdout);
});

test('text names the clusters of a shared cause; github puts one annotation on that line of that file', () => {
  const dir = locationsFleet();
  const text = runCli(['validate'], { cwd: dir }).stdout;
  assert.match(text, new RegExp(`^${at('shared/routers.ts', 'ipv4', "name: 'cr2'")}: error peer-ip-duplicate: BGPPeer/cr2-ipv4 /spec/peerIP in 2 clusters: a, b: routers cr1 and cr2 have the same IPv4 address`, 'm'));
  const github = runCli(['validate', '--format', 'github'], { cwd: dir }).stdout.trimEnd().split('\n');
  const [file, line, col] = at('shared/routers.ts', 'ipv4', "name: 'cr2'").split(':');
  const peer = github.filter((annotation) => annotation.includes('peer-ip-duplicate'));
  assert.deepEqual(peer.length, 1, github.join('\n'));
  assert.match(peer[0]!, new RegExp(`^::error file=${file},line=${line},col=${col},title=peer-ip-duplicate BGPPeer/cr2-ipv4 \\(2 clusters\\)::/spec/peerIP: .* \\(in 2 clusters: a, b\\)$`));
  assert.equal(github.length, expected.length);
});

test('the loader\'s other output (the in-memory pipeline of diff and review) gives the same locations', async () => {
  const dir = locationsFleet();
  const cwd = process.cwd();
  // a transpile cache of this process's own, which the CLI runs did not fill: this run transpiles afresh
  process.env.CALICO_GEN_CACHE_DIR = path.join(dir, 'own-cache');
  process.chdir(dir);
  try {
    const { runPipeline } = await import('../../src/pipeline');
    const { summarise } = await import('../../src/core/findings');
    const { definitionSite } = await import('../../src/model/site');
    const run = await runPipeline({ clustersDir: 'clusters', cache: false, keepObjects: true });
    assert.deepEqual(summary(summarise(run.findings).findings as JsonFinding[]), expected);
    // the kept definition (a copy sent from the worker that evaluated it) carries its call site, in TypeScript positions
    const site = definitionSite(run.clusters[0]!.kept!.cluster.definition);
    assert.equal(`${site?.file}:${site?.line}:${site?.column}`, at('a.ts', 'defineCluster('));
  } finally {
    process.chdir(cwd);
    delete process.env.CALICO_GEN_CACHE_DIR;
  }
});

test('a value a define function made from code outside a definition module has no site; an edit moves the line with it', async () => {
  const { defineLayer } = await import('../../src/model/define');
  const { definitionSite } = await import('../../src/model/site');
  // compiled JavaScript (this test) is not a definition module
  assert.equal(definitionSite(defineLayer({ group: 'x' })), undefined);
  const dir = locationsFleet();
  const group = path.join(dir, 'clusters/shared/group.ts');
  fs.writeFileSync(group, fs.readFileSync(group, 'utf8').replace("  group: 'main',\n", "  // a comment above moves the line\n  group: 'main',\n"));
  const report = JSON.parse(runCli(['validate', '--format', 'json'], { cwd: dir }).stdout) as { findings: JsonFinding[] };
  const typha = report.findings.find((f) => f.rule === 'resources-request-above-limit')!;
  assert.equal(where(typha), at('shared/group.ts', "cpu: '2'", undefined, fs.readFileSync(group, 'utf8')));
});
