/** The CLI conventions of issue 13 §4 that helm, helmfile and kubectl users expect, each as a user meets it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import { clusterSource, fleetProject, runCli } from '../support/cli';

const twoClusters = () =>
  fleetProject({
    'ams-main.ts': clusterSource('ams-main'),
    'fra-main.ts': clusterSource('fra-main', '', { asNumber: 64602, v4: '10.72.0.0/17', v6: '2001:db8:f00:c000::/64' }),
  });

/** A warning alone: an IPv4 pool of the documentation's AS... a public AS is a warning. */
const warnedCluster = () => fleetProject({ 'ams-main.ts': clusterSource('ams-main', '', { asNumber: 14907 }) });

test('--format json prints one JSON document on stdout, on success and on failure (synth, validate, capacity, diff)', () => {
  const dir = twoClusters();
  const written = runCli(['synth', '-o', 'json'], { cwd: dir });
  assert.equal(written.status, 0, written.stderr);
  assert.equal(written.stderr, '');
  const document = JSON.parse(written.stdout);
  assert.deepEqual(Object.keys(document), ['findings', 'summary', 'failed', 'clusters', 'cached', 'written', 'removed', 'stale']);
  assert.deepEqual([document.failed, document.clusters, document.cached, document.written.length], [false, 2, 0, 4]);
  const upToDate = JSON.parse(runCli(['synth', '--check', '-o', 'json'], { cwd: dir }).stdout);
  assert.deepEqual([upToDate.cached, upToDate.written, upToDate.stale], [2, [], []]);
  const failed = runCli(['synth', '--strict', '-o', 'json'], { cwd: warnedCluster() });
  assert.equal(failed.status, 1);
  assert.deepEqual([JSON.parse(failed.stdout).failed, JSON.parse(failed.stdout).summary], [true, { errors: 0, warnings: 1, acknowledged: 0 }]);
  for (const command of [['validate'], ['capacity']]) {
    const result = runCli([...command, '-o', 'json'], { cwd: dir });
    assert.equal(result.status, 0, `${command}: ${result.stderr}`);
    assert.doesNotThrow(() => JSON.parse(result.stdout), command.join(' '));
  }
  const broken = fleetProject({ 'ams-main.ts': clusterSource('ams-main').replace("site: 'ams',", '') });
  const diff = runCli(['diff', '--cluster', 'ams-main', '--live-file', 'nowhere.yaml', '-o', 'json'], { cwd: broken });
  assert.equal(diff.status, 1);
  assert.deepEqual(JSON.parse(diff.stdout), { cluster: 'ams-main', error: 'the cluster definition has errors (listed above): fix them first' });
});

test('synth --strict that stops on warnings says so, and the summary counts agree with --cluster', () => {
  const strict = runCli(['synth', '--strict'], { cwd: warnedCluster() });
  assert.equal(strict.status, 1);
  assert.match(strict.stderr, /\ncalico-gen: synth: nothing written: --strict, and 1 warning above: fix it, or run without --strict\n$/);
  assert.doesNotMatch(strict.stderr, /fix the errors/);
  const dir = twoClusters();
  assert.equal(runCli(['synth'], { cwd: dir }).status, 0);
  assert.equal(runCli(['synth', '--cluster', 'fra-main'], { cwd: dir }).stdout, 'synthesised 1 cluster (1 unchanged since the last run): 0 files written, 0 cluster folders removed\n');
  fs.rmSync(path.join(dir, 'clusters', 'fra-main.ts'));
  assert.equal(runCli(['synth'], { cwd: dir }).stdout, 'synthesised 1 cluster (1 unchanged since the last run): 0 files written, 1 cluster folder removed\n');
});

test('synth --out naming a file is one clear line, and nothing is written', () => {
  const dir = twoClusters();
  fs.writeFileSync(path.join(dir, 'out.yaml'), 'x: 1\n');
  const result = runCli(['synth', '--out', 'out.yaml'], { cwd: dir });
  assert.deepEqual([result.status, result.stdout], [1, '']);
  assert.equal(result.stderr, 'calico-gen: synth: --out out.yaml: is a file, but synth writes a folder (a folder per cluster in it): name a folder, or leave --out out for generated/\n');
  assert.equal(fs.readFileSync(path.join(dir, 'out.yaml'), 'utf8'), 'x: 1\n');
  const below = runCli(['synth', '--out', 'out.yaml/generated'], { cwd: dir });
  assert.match(below.stderr, /^calico-gen: synth: --out out\.yaml\/generated: .*out\.yaml is a file, but synth writes a folder/);
});

test('run from any folder inside the project: its clusters/, generated/ and caches, whatever the working directory', () => {
  const dir = twoClusters();
  const deep = path.join(dir, 'clusters', 'shared', 'deeper');
  fs.mkdirSync(deep, { recursive: true });
  const fromRoot = runCli(['validate', '-o', 'json'], { cwd: dir });
  const fromDeep = runCli(['validate', '-o', 'json'], { cwd: deep });
  assert.equal(fromDeep.status, 0, fromDeep.stderr);
  assert.deepEqual(fromDeep.stdout, fromRoot.stdout);
  const synth = runCli(['synth'], { cwd: deep });
  assert.equal(synth.status, 0, synth.stderr);
  assert.ok(fs.existsSync(path.join(dir, 'generated', 'ams-main', 'calico-values.yaml')));
  assert.deepEqual(fs.readdirSync(deep), [], 'nothing written where the command ran');
  // a path given on the command line is the shell's: relative to the working directory
  assert.equal(runCli(['synth', '--out', 'here'], { cwd: deep }).status, 0);
  assert.ok(fs.existsSync(path.join(deep, 'here', 'fra-main', 'manifests.yaml')));
  // outside any project: the working directory's clusters/, as before
  const outside = runCli(['validate'], { cwd: path.parse(dir).root });
  assert.match(outside.stderr, /no such folder of cluster definitions/);
});

test('a definition in a subfolder of clusters/ is named in a warning; a shared module a definition imports is not', () => {
  const dir = fleetProject({
    'ams-main.ts': clusterSource('ams-main'),
    'eu/fra-main.ts': clusterSource('fra-main', '', { asNumber: 64602, v4: '10.72.0.0/17', v6: '2001:db8:f00:c000::/64' }),
  });
  const result = runCli(['validate'], { cwd: dir });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^clusters\/eu\/fra-main\.ts: warning definition-nested: ClusterDefinition: clusters\/eu\/fra-main\.ts exports a cluster definition, but calico-gen loads definitions from clusters\/ itself only .* move it to clusters\/fra-main\.ts/m);
  assert.match(result.stdout, /0 errors, 1 warning$/m);
  const imported = fleetProject({
    'ams-main.ts': "export { default } from './shared/base';\n",
    'shared/base.ts': clusterSource('ams-main'),
  });
  assert.equal(runCli(['validate'], { cwd: imported }).stdout, '0 errors, 0 warnings\n');
});

test("diff's plan line says the release values were not compared when they were not read", () => {
  const dir = twoClusters();
  assert.equal(runCli(['synth'], { cwd: dir }).status, 0);
  const result = runCli(['diff', '--cluster', 'ams-main', '--live-file', 'generated/ams-main/manifests.yaml'], { cwd: dir });
  assert.match(result.stdout, /^Plan ams-main: .*; release values not compared; /m);
  assert.doesNotMatch(result.stdout, /release values unchanged/);
  const json = JSON.parse(runCli(['diff', '--cluster', 'ams-main', '--live-file', 'generated/ams-main/manifests.yaml', '-o', 'json'], { cwd: dir }).stdout);
  assert.deepEqual(json.values, { changed: false, diff: '', compared: false });
});

test('validate --manifests: a document without apiVersion or kind is an error at its line', () => {
  const dir = twoClusters();
  fs.writeFileSync(path.join(dir, 'pools.yaml'), 'apiVersion: crd.projectcalico.org/v1\nkind: IPPool\nmetadata: {name: a}\nspec: {cidr: 10.0.0.0/16}\n---\napiVersion: crd.projectcalico.org/v1\nmetadata: {name: b}\nspec: {cidr: 10.1.0.0/16}\n---\nmetadata: {name: c}\n');
  const result = runCli(['validate', '--manifests', 'pools.yaml'], { cwd: dir });
  assert.equal(result.status, 1);
  assert.match(result.stdout, /^pools\.yaml:6:1: error manifest-object: .*a manifest document without kind \(it has apiVersion "crd\.projectcalico\.org\/v1"\)/m);
  assert.match(result.stdout, /^pools\.yaml:10:1: error manifest-object: .*a manifest document without apiVersion and kind/m);
  assert.match(result.stdout, /^2 errors, 0 warnings$/m);
});

async function capture(argv: string[], cwd: string, env: NodeJS.ProcessEnv, isTTY: boolean): Promise<{ stdout: string; stderr: string; status: number }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: { write: (t: string) => (stdout += t), isTTY }, stderr: { write: (t: string) => (stderr += t), isTTY }, env, cwd };
  const status = await main(argv, io);
  return { stdout, stderr, status };
}

test('validate and review colour their text on a terminal as diff does, never with NO_COLOR or into a pipe', async () => {
  const dir = warnedCluster();
  const tty = await capture(['validate', '--no-cache'], dir, {}, true);
  assert.match(tty.stdout, /\x1b\[33mwarning as-number-public\x1b\[0m/);
  assert.doesNotMatch((await capture(['validate'], dir, { NO_COLOR: '1' }, true)).stdout, /\x1b\[/);
  assert.doesNotMatch((await capture(['validate'], dir, {}, false)).stdout, /\x1b\[/);
  assert.doesNotMatch((await capture(['validate', '-o', 'json'], dir, {}, true)).stdout, /\x1b\[/);
});
