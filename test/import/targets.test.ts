/**
 * What import writes and where: definitions that load from whatever --out is, with no absolute
 * path of the importer's machine in them and every name escaped where it is code; targets that
 * exist stop it before it reads a value; values files it cannot read stop it with their name.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, tempDir } from '../support/cli';
import { smallTree, valuesProject } from './support';

const GROUP = ['--group', 'main=ams-main'];

function tsFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((file) => file.endsWith('.ts')).sort();
}

test('existing targets stop import before it reads a value: all of them listed, nothing written', () => {
  const tree = smallTree();
  // a file import would report if it read it
  tree['ams-main/values.yaml'] = 'chartVersions: [unclosed\n';
  const dir = valuesProject(tree);
  fs.mkdirSync(path.join(dir, 'clusters/shared'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'clusters/main-fra.ts'), '// by hand\n');
  fs.writeFileSync(path.join(dir, 'clusters/shared/fleet.ts'), '// by hand\n');
  const result = runCli(['import', '--values-dir', 'values', ...GROUP], { cwd: dir });
  assert.equal(result.status, 1);
  assert.equal(result.stderr, 'calico-gen: import: nothing read, nothing written: clusters/shared/fleet.ts, clusters/main-fra.ts exist already: pass --force to overwrite\n');
  assert.deepEqual(tsFiles(path.join(dir, 'clusters')), ['main-fra.ts', path.join('shared', 'fleet.ts')]);
  // with --force it reads, and the unreadable file is what stops it
  const forced = runCli(['import', '--values-dir', 'values', ...GROUP, '--force'], { cwd: dir });
  assert.equal(forced.status, 1);
  assert.match(forced.stderr, /^values\/ams-main\/values\.yaml:\d+: \(document\): not valid YAML/m);
  assert.equal(fs.readFileSync(path.join(dir, 'clusters/main-fra.ts'), 'utf8'), '// by hand\n');
});

test('a group named with quotes and spaces: escaped in import paths and variables, and synth loads it', () => {
  const tree = smallTree();
  tree["it's the \"main\" group.yaml"] = tree['main.yaml']!;
  delete tree['main.yaml'];
  // two groups whose names make the same variable
  tree['a-b.yaml'] = 'cluster_group: a-b\n';
  tree['a_b.yaml'] = 'cluster_group: a_b\n';
  const dir = valuesProject(tree);
  const result = runCli(['import', '--values-dir', 'values', '--group', `it's the "main" group=ams-main,main-fra`], { cwd: dir });
  assert.equal(result.status, 0, result.stderr);
  const cluster = fs.readFileSync(path.join(dir, 'clusters/ams-main.ts'), 'utf8');
  assert.match(cluster, /^import \{ itSTheMainGroupGroup \} from '\.\/shared\/groups\/it\\'s the "main" group';$/m);
  assert.ok(fs.existsSync(path.join(dir, `clusters/shared/groups/it's the "main" group.ts`)));
  const synth = runCli(['synth'], { cwd: dir });
  assert.equal(synth.status, 0, synth.stderr);
  assert.match(fs.readFileSync(path.join(dir, 'generated/ams-main/calico-values.yaml'), 'utf8'), /^veth_mtu: "1460"$/m);
});

test('groups whose names make the same variable get one each', async () => {
  const { groupVariables } = await import('../../src/import/codegen/modules');
  assert.deepEqual([...groupVariables(['a-b', 'a_b', 'A b', '1st', 'routers'])], [
    ['a-b', 'aBGroup'],
    ['a_b', 'aBGroup2'],
    ['A b', 'aBGroup3'],
    ['1st', '_1stGroup'],
    ['routers', 'routersGroup'],
  ]);
});

test('cluster folders whose names cannot be cluster names are refused at once, all of them', () => {
  const tree = smallTree();
  tree['main bad/calico-values.yaml'] = tree['main-fra/calico-values.yaml']!;
  tree["main-it's/calico-values.yaml"] = tree['main-fra/calico-values.yaml']!;
  const dir = valuesProject(tree);
  const result = runCli(['import', '--values-dir', 'values', ...GROUP], { cwd: dir });
  assert.equal(result.status, 1);
  assert.equal(
    result.stderr,
    `calico-gen: import: cluster folders "main bad", "main-it's": a cluster's name (its folder's) must be a DNS label, lowercase letters, digits and '-', at most 63 characters: rename the folder, as the cluster is named in its kube context\n`,
  );
  assert.equal(fs.existsSync(path.join(dir, 'clusters')), false);
});

test('a group outside the values tree cannot be named', () => {
  const dir = valuesProject(smallTree());
  fs.writeFileSync(path.join(dir, 'outside.yaml'), 'cluster_group: outside\n');
  const result = runCli(['import', '--values-dir', 'values', '--group', '../outside=ams-main'], { cwd: dir });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /^calico-gen: --group \.\.\/outside=ams-main: no group file \.\.\/outside\.yaml/);
  assert.equal(fs.existsSync(path.join(dir, 'clusters')), false);
});

test('headers name files relative to the working directory, never absolutely, and a `*/` in a path does not end them', () => {
  const tree: Record<string, string> = {};
  for (const [file, content] of Object.entries(smallTree())) tree[`tree*/${file}`] = content;
  const dir = valuesProject(tree);
  const valuesDir = path.join(dir, 'values', 'tree*');
  const result = runCli(['import', '--values-dir', valuesDir, '--out', path.join(dir, 'clusters'), ...GROUP], { cwd: dir });
  assert.equal(result.status, 0, result.stderr);
  for (const file of tsFiles(path.join(dir, 'clusters'))) {
    const text = fs.readFileSync(path.join(dir, 'clusters', file), 'utf8');
    assert.ok(!text.includes(dir), `${file} names ${dir}`);
    const header = text.slice(0, text.indexOf('*/') + 2);
    assert.match(header, /^\/\*\*\n[\s\S]*This file is now the source[^\n]*\n \*\/$/, `${file}: the header ends where it should`);
  }
  assert.match(fs.readFileSync(path.join(dir, 'clusters/ams-main.ts'), 'utf8'), /Imported from values\/tree\*\\\/ams-main\/values\.yaml, .* by\n \*   calico-gen import \\\n \*     --values-dir 'values\/tree\*' \\\n \*     --out clusters \\/);
  const synth = runCli(['synth'], { cwd: dir });
  assert.equal(synth.status, 0, synth.stderr);
});

test('definitions written to an --out above the working directory load from there', () => {
  const tree = smallTree();
  // a router for main-fra's site too, so that the imported fleet is clean (no site-without-router)
  tree['common-bgp.yaml'] += ['  cr1-fra:', '    ipv4: 192.0.2.3', '    ipv6: "2001:db8::3"', "    nodeSelector: topology.kubernetes.io/region == 'fra'", ''].join('\n');
  const dir = valuesProject(tree);
  const result = runCli(['import', '--values-dir', '.', '--out', '../fleet/clusters', ...GROUP], { cwd: path.join(dir, 'values') });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stderr, '');
  assert.match(fs.readFileSync(path.join(dir, 'fleet/clusters/ams-main.ts'), 'utf8'), /--values-dir \. \\\n \*     --out \.\.\/fleet\/clusters \\/);
  const synth = runCli(['synth', '--clusters-dir', 'fleet/clusters'], { cwd: dir });
  assert.equal(synth.status, 0, synth.stderr);
});

test('an --out where calico-gen is not installed: written, with a warning saying how to load them', () => {
  const dir = valuesProject(smallTree());
  const elsewhere = tempDir('no-calico-gen');
  const result = runCli(['import', '--values-dir', 'values', '--out', path.join(elsewhere, 'clusters'), ...GROUP], { cwd: dir });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stderr, /^calico-gen: warning: the definitions in \S+clusters import 'calico-gen', which is not installed there or in a folder above it: install it in that project \(npm install --save-dev calico-gen\) before `calico-gen synth --clusters-dir \S+`\n$/);
  assert.equal(tsFiles(path.join(elsewhere, 'clusters')).length, 5);
});

test('values files over the size limit, or binary, are problems naming them; garbage is five lines and a count', () => {
  const tree = smallTree();
  tree['main-fra/values.yaml'] = Array.from({ length: 300 }, (_, i) => `k${i}: [unclosed: {${i}`).join('\n');
  const dir = valuesProject(tree);
  fs.writeFileSync(path.join(dir, 'values/ams-main/values.yaml'), Buffer.from([0x61, 0x3a, 0x00, 0x0a]));
  const result = runCli(['import', '--values-dir', 'values', ...GROUP], { cwd: dir });
  assert.equal(result.status, 1);
  const lines = result.stderr.trimEnd().split('\n');
  assert.equal(lines[0], 'values/ams-main/values.yaml: (document): cannot be read: it is binary, not text (a zero byte at line 1, column 3)');
  assert.equal(lines.filter((line) => /^values\/main-fra\/values\.yaml:\d+: /.test(line)).length, 5);
  assert.match(result.stderr, /^values\/main-fra\/values\.yaml: \(document\): … and [\d,]+ more YAML errors in values\/main-fra\/values\.yaml: is it the values file you meant\?$/m);
  assert.ok(lines.length <= 8, result.stderr);
  const limited = runCli(['import', '--values-dir', 'values', ...GROUP, '--max-input-size', '64'], { cwd: dir });
  assert.match(limited.stderr, /^values\/common-bgp\.yaml: \(document\): cannot be read: it is \d+ bytes, more than the input size limit of 64 bytes: pass --max-input-size 1KiB to read it$/m);
});
