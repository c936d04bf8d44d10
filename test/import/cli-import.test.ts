import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../support/cli';
import { smallTree, valuesProject } from './support';

const listClusters = (dir: string) => fs.readdirSync(path.join(dir, 'clusters'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).sort();

test('import writes the definitions, then synth accepts them', () => {
  const dir = valuesProject(smallTree());
  const result = runCli(['import', '--values-dir', 'values', '--group', 'main=ams-main'], { cwd: dir });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^imported 2 cluster\(s\) into clusters\/: 5 file\(s\) written$/m);
  assert.match(result.stdout, /group main: ams-main, main-fra \(by name\)/);
  assert.match(result.stdout, /left alone, not read by the calico chart: chartVersions, cluster_group, namespaces/);
  assert.match(result.stdout, new RegExp(`^  ${path.join('values', 'common-bgp.yaml').replace(/\./g, '\\.')}: PeerAS, ASLoop, BGPPeers$`, 'm'));
  assert.deepEqual(listClusters(dir), ['ams-main.ts', 'main-fra.ts', path.join('shared', 'fleet.ts'), path.join('shared', 'groups', 'main.ts'), path.join('shared', 'routers.ts')]);
  assert.match(fs.readFileSync(path.join(dir, 'clusters', 'ams-main.ts'), 'utf8'), /Imported from values\/ams-main\/values\.yaml, values\/ams-main\/calico-values\.yaml by\n \*   calico-gen import \\\n \*     --values-dir values \\\n \*     --group main=ams-main\n/);
  const synth = runCli(['synth'], { cwd: dir });
  assert.equal(synth.status, 0, synth.stderr);
  assert.match(fs.readFileSync(path.join(dir, 'generated', 'ams-main', 'calico-values.yaml'), 'utf8'), /^veth_mtu: "1460"$/m);
});

test('import refuses to overwrite definitions unless told to', () => {
  const dir = valuesProject(smallTree());
  assert.equal(runCli(['import', '--values-dir', 'values', '--group', 'main=ams-main'], { cwd: dir }).status, 0);
  const cluster = path.join(dir, 'clusters', 'ams-main.ts');
  fs.writeFileSync(cluster, '// edited by hand\n');
  const again = runCli(['import', '--values-dir', 'values', '--group', 'main=ams-main'], { cwd: dir });
  assert.equal(again.status, 1);
  assert.equal(
    again.stderr,
    'calico-gen: import: nothing read, nothing written: clusters/shared/routers.ts, clusters/shared/fleet.ts, clusters/shared/groups/main.ts, clusters/ams-main.ts, clusters/main-fra.ts exist already: pass --force to overwrite\n',
  );
  assert.equal(fs.readFileSync(cluster, 'utf8'), '// edited by hand\n');
  assert.equal(runCli(['import', '--values-dir', 'values', '--group', 'main=ams-main', '--force'], { cwd: dir }).status, 0);
  assert.match(fs.readFileSync(cluster, 'utf8'), /defineCluster/);
});

test('every unmappable value is printed with file:line and key path; nothing is written', () => {
  const tree = smallTree();
  tree['main.yaml'] += 'kubeControllers:\n  replicas: 2\n';
  tree['ams-main/calico-values.yaml'] += 'IPAMConfig:\n  maxBlocksPerHost: -1\n';
  const dir = valuesProject(tree);
  const result = runCli(['import', '--values-dir', 'values', '--group', 'main=ams-main'], { cwd: dir });
  assert.equal(result.status, 1);
  const lines = result.stderr.trimEnd().split('\n');
  assert.match(lines[0]!, new RegExp(`^${path.join('values', 'ams-main', 'calico-values.yaml')}:16: IPAMConfig\\.maxBlocksPerHost: is number -1, expected a whole number from 0`));
  assert.match(lines[1]!, new RegExp(`^${path.join('values', 'main.yaml')}:11: kubeControllers\\.replicas: unknown key`));
  assert.match(lines[2]!, /^calico-gen: import: nothing written: 2 value\(s\) cannot be mapped/);
  assert.doesNotMatch(result.stderr, /\n\s+at /);
  assert.equal(fs.existsSync(path.join(dir, 'clusters')), false);
});

test('import without --values-dir, or with a folder that is not a values tree, fails with one line', () => {
  const dir = valuesProject({ 'notes.txt': 'hello' });
  const missing = runCli(['import'], { cwd: dir });
  assert.equal(missing.status, 1);
  assert.equal(missing.stderr, 'calico-gen: import: --values-dir DIR is required (the helmfile values tree to import)\n');
  const empty = runCli(['import', '--values-dir', 'values'], { cwd: dir });
  assert.equal(empty.status, 1);
  assert.match(empty.stderr, /no cluster folder with a calico-values\.yaml: is this a helmfile values tree\?\n$/);
});

test('a values tree with errors is imported as it is; its findings follow, with how to fix or acknowledge them, and exit 1', () => {
  const tree = smallTree();
  tree['common-bgp.yaml'] = tree['common-bgp.yaml']!.replace('ipv4: 192.0.2.2', 'ipv4: 192.0.2.1');
  const dir = valuesProject(tree);
  const result = runCli(['import', '--values-dir', 'values', '--group', 'main=ams-main'], { cwd: dir });
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stdout, /^imported 2 cluster\(s\) into clusters\/: 5 file\(s\) written$/m);
  const routers = fs.readFileSync(path.join(dir, 'clusters', 'shared', 'routers.ts'), 'utf8').split('\n');
  const line = routers.findIndex((text) => text.includes("name: 'cr2-ams'")) + 1;
  const column = routers[line - 1]!.indexOf('ipv4') + 1;
  assert.match(result.stderr, new RegExp(`^clusters/shared/routers\\.ts:${line}:${column}: error peer-ip-duplicate: BGPPeer/cr2-ams-ipv4 /spec/peerIP in 2 clusters: ams-main, main-fra: routers cr1-ams and cr2-ams have the same IPv4 address 192\\.0\\.2\\.1`, 'm'));
  assert.match(result.stderr, /The imported fleet has 1 error \(listed above\), which the values tree had already/);
  assert.match(result.stderr, /^ {2}\/\/ in clusters\/shared\/fleet\.ts\n {2}acknowledge: \[\n {4}\{ rule: 'peer-ip-duplicate', object: 'BGPPeer\/cr2-ams-ipv4', reason: '[^']+', until: '\d{4}-\d{2}-\d{2}' \},\n {2}\],$/m);
  // import never acknowledges by itself
  for (const file of listClusters(dir)) assert.doesNotMatch(fs.readFileSync(path.join(dir, 'clusters', file), 'utf8'), /acknowledge/, file);
  assert.equal(runCli(['synth'], { cwd: dir }).status, 1);
});
