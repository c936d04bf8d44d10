import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { importProblems, smallTree, valuesProject } from './support';

/** The tree with `key: value` lines appended to one file. */
function treeWith(file: string, lines: string): Record<string, string> {
  const tree = smallTree();
  tree[file] = `${tree[file] ?? ''}${lines}`;
  return tree;
}

const clusterFile = path.join('values', 'ams-main', 'calico-values.yaml');

test('an unknown key inside a chart section names the file, key path and line', async () => {
  const problems = await importProblems(valuesProject(treeWith('ams-main/calico-values.yaml', 'typha:\n  replicas: 3\n')));
  assert.equal(problems.length, 1);
  assert.deepEqual({ ...problems[0], message: undefined }, { file: clusterFile, keyPath: 'typha.replicas', line: 16, message: undefined });
  assert.match(problems[0]!.message, /unknown key: calico-gen's model has imageName, replicaCount, .* here/);
});

test('a value of the wrong type is located and says what is expected', async () => {
  const problems = await importProblems(valuesProject(treeWith('ams-main/calico-values.yaml', 'typha:\n  replicaCount: "3"\nIPv6Support: "no"\n')));
  assert.deepEqual(
    problems.map((p) => [p.keyPath, p.line]),
    [
      ['typha.replicaCount', 16],
      ['IPv6Support', 17],
    ],
  );
  assert.match(problems[0]!.message, /is string "3", expected a whole number/);
  assert.match(problems[1]!.message, /expected true or false/);
});

test('veth_mtu must be a quoted string of digits, as the chart writes it into a ConfigMap', async () => {
  const tree = smallTree();
  tree['ams-main/calico-values.yaml'] = tree['ams-main/calico-values.yaml']!.replace('veth_mtu: "1460"', 'veth_mtu: 1460');
  const [problem] = await importProblems(valuesProject(tree));
  assert.equal(problem!.keyPath, 'veth_mtu');
  assert.match(problem!.message, /quote it \("1460"\)/);
});

test('a misspelt chart key at the top level is refused with the key it resembles', async () => {
  const [problem] = await importProblems(valuesProject(treeWith('main.yaml', 'IPPool:\n  extra:\n    cidr: "10.1.0.0/16"\n')));
  assert.equal(problem!.file, path.join('values', 'main.yaml'));
  assert.equal(problem!.keyPath, 'IPPool');
  assert.match(problem!.message, /did you mean IPPools\?/);
});

test('settings the model cannot hold are refused, never dropped', async () => {
  const problems = await importProblems(
    valuesProject(
      treeWith('ams-main/calico-values.yaml', 'bpf:\n  kubernetesServiceHost: 10.0.0.1\nkubeControllers:\n  dnsConfig:\n    nameservers: [10.0.0.2]\n'),
    ),
  );
  assert.deepEqual(problems.map((p) => p.keyPath), ['bpf', 'kubeControllers.dnsConfig']);
  assert.ok(problems.every((p) => /the model cannot hold/.test(p.message)));
  const bgp = await importProblems(valuesProject(treeWithBgp('  listenPort: 1790\n')));
  assert.equal(bgp[0]!.keyPath, 'BGPConfiguration.listenPort');
  assert.match(bgp[0]!.message, /model cannot hold it yet/);
});

function treeWithBgp(extra: string): Record<string, string> {
  const tree = smallTree();
  tree['ams-main/calico-values.yaml'] = tree['ams-main/calico-values.yaml']!.replace('  nodeToNodeMeshEnabled: false\n', `  nodeToNodeMeshEnabled: false\n${extra}`);
  return tree;
}

test('a router without an address, and a router key the chart ignores, are located in common-bgp.yaml', async () => {
  const tree = smallTree();
  tree['common-bgp.yaml'] = tree['common-bgp.yaml']!.replace('    ipv6: "2001:db8::2"\n', '    asNumber: 65001\n');
  const problems = await importProblems(valuesProject(tree));
  assert.deepEqual(
    problems.map((p) => [p.file, p.keyPath, p.line]),
    [
      [path.join('values', 'common-bgp.yaml'), 'BGPPeers.cr2-ams', 8],
      [path.join('values', 'common-bgp.yaml'), 'BGPPeers.cr2-ams.asNumber', 10],
    ],
  );
  assert.match(problems[0]!.message, /router has no ipv6/);
  assert.match(problems[1]!.message, /the chart ignores asNumber/);
});

test('a value the model requires and no file sets is reported against the cluster', async () => {
  const tree = smallTree();
  tree['common-bgp.yaml'] = tree['common-bgp.yaml']!.replace('PeerAS: 65000\n', '');
  const problems = await importProblems(valuesProject(tree));
  assert.deepEqual(
    problems.map((p) => [p.file, p.keyPath]),
    [
      [clusterFile, 'PeerAS'],
      [path.join('values', 'main-fra', 'calico-values.yaml'), 'PeerAS'],
    ],
  );
  assert.ok(problems.every((p) => /required key "peerAsNumber" is missing.*: no file sets PeerAS$/.test(p.message)), JSON.stringify(problems));
});

test('YAML that does not parse is located', async () => {
  const [problem] = await importProblems(valuesProject(treeWith('main.yaml', 'typha: [\n')));
  assert.equal(problem!.file, path.join('values', 'main.yaml'));
  assert.equal(problem!.line, 10);
  assert.match(problem!.message, /not valid YAML/);
});

test('YAML whose value cannot be built (an alias with no anchor) is a located problem, not a crash', async () => {
  const [problem] = await importProblems(valuesProject(treeWith('main.yaml', 'PeerAS: *nowhere\n')));
  assert.equal(problem!.file, path.join('values', 'main.yaml'));
  assert.match(problem!.message, /not valid YAML/);
});
