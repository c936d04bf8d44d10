// Reading dumps: every layout kubectl (or a person) writes gives the same state; bad input is one
// located line, never a stack trace or a silently skipped object.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { forEachDumpObject } from '../../src/core/dump';
import { IpamCollector, liveFigures, poolLiveJson, readIpamDump, type IpamState } from '../../src/ipam';
import { UserError } from '../../src/util/errors';
import { kubectlJson, kubectlYaml } from '../support/ipam/kubectl-format';
import { block, ipamConfig, node, pool, type Obj } from './support';

const OBJECTS: Obj[] = [
  node('n1', { zone: 'a' }),
  node('n2', { zone: 'b' }),
  pool('ipv4', '10.0.0.0/24', 28),
  block('10.0.0.0/28', { affinity: 'host:n1', pods: { 1: undefined, 2: 'n2' } }),
  block('10.0.0.16/28', { affinity: 'host:gone', pods: { 0: undefined } }),
  ipamConfig(true),
];

function figures(state: IpamState) {
  const { pools, live } = liveFigures(state);
  return { pools: pools.map(poolLiveJson), live, nodes: [...state.nodes], config: state.config, handles: state.handles };
}

const reference = figures(readIpamDump(kubectlYaml(OBJECTS), 'one.yaml', 'c'));

function rejects(text: string, file: string, message: RegExp): void {
  assert.throws(() => readIpamDump(text, file, 'c'), (error: unknown) => {
    assert.ok(error instanceof UserError, String(error));
    assert.doesNotMatch(error.message, /\n/);
    assert.match(error.message, message);
    return true;
  });
}

test('a List, several documents, typed lists whose items lack apiVersion and kind, and comments read the same', () => {
  const [n1, n2, ...rest] = OBJECTS;
  const strip = ({ apiVersion: _a, kind: _k, ...item }: Obj) => item;
  const nodeList = `apiVersion: v1\nkind: NodeList\nitems:\n${kubectlYaml([strip(n1!), strip(n2!)]).split('items:\n')[1]!.split('kind: List')[0]}metadata: {}\n`;
  const documents = ['# saved by hand', nodeList, ...rest.map((object) => kubectlYaml([object]))].join('\n---\n');
  assert.deepEqual(figures(readIpamDump(documents, 'docs.yaml', 'c')), reference);
  assert.deepEqual(figures(readIpamDump(`--- # first\n${rest.map((o) => JSON.stringify(o)).join('\n---\n')}\n...\n${nodeList}`, 'flow.yaml', 'c')), reference);
  assert.deepEqual(figures(readIpamDump(kubectlJson(OBJECTS), 'one.json', 'c')), reference);
});

test('a List in another layout (indented items, as yq writes them) is read whole, with the same result and located warnings', () => {
  const indented = kubectlYaml(OBJECTS).replace(/^(?!apiVersion: v1$|items:$|kind: List$|metadata:$|  resourceVersion)/gm, '  ');
  assert.match(indented, /^items:\n {2}- apiVersion/m);
  assert.deepEqual(figures(readIpamDump(indented, 'yq.yaml', 'c')), reference);
  const broken = indented.replace('affinity: host:n1', 'affinity: n1');
  const [warning] = readIpamDump(broken, 'yq.yaml', 'c').warnings;
  assert.equal(warning!.path, '/spec/affinity');
  assert.equal(broken.split('\n')[warning!.source!.line! - 1]!.slice(warning!.source!.column! - 1), 'affinity: n1');
});

test('objects of other kinds go to the caller; calico-node gives the running Calico version', () => {
  const others: string[] = [];
  const daemonSet = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'calico-node', namespace: 'kube-system' }, spec: { template: { spec: { containers: [{ name: 'calico-node', image: 'registry.example/calico/node:v3.30.7' }] } } } };
  const bgpPeer = { apiVersion: 'crd.projectcalico.org/v1', kind: 'BGPPeer', metadata: { name: 'r1' }, spec: { peerIP: '192.0.2.1', asNumber: 64512 } };
  const state = readIpamDump(kubectlYaml([...OBJECTS, daemonSet, bgpPeer]), 'all.yaml', 'c', (object) => others.push(`${object.kind}/${(object.metadata as { name: string }).name}`));
  assert.deepEqual(others, ['DaemonSet/calico-node', 'BGPPeer/r1']);
  assert.equal(state.calicoVersion, '3.30.7');
  assert.equal(liveFigures(state).live.calicoVersion, '3.30.7');
});

test('bad YAML inside a large List is reported at its line in the file', () => {
  const text = kubectlYaml(OBJECTS);
  const lines = text.split('\n');
  const at = lines.findIndex((line) => line.includes('cidr: 10.0.0.16/28'));
  lines[at] = '    cidr: [10.0.0.16/28';
  rejects(lines.join('\n'), 'bad.yaml', new RegExp(`^bad\\.yaml:${at + 2}:\\d+: not valid YAML: `));
});

test('bad JSON is reported at its line and column', () => {
  const text = kubectlJson(OBJECTS).replace('"cidr": "10.0.0.16/28"', '"cidr" "10.0.0.16/28"');
  const line = text.split('\n').findIndex((l) => l.includes('"cidr" "10.0.0.16/28"')) + 1;
  rejects(text, 'bad.json', new RegExp(`^bad\\.json:${line}:\\d+: not valid JSON: `));
});

test('garbage, an empty file, a bare value, an object without kind, no nodes: one clear line each', () => {
  rejects('', 'empty.yaml', /^empty\.yaml: empty: expected what `kubectl get nodes,ippools,ipamblocks/);
  rejects('\n# nothing\n', 'comment.yaml', /^comment\.yaml: no Kubernetes objects/);
  rejects('just a string\n', 'scalar.yaml', /^scalar\.yaml:1:1: not a Kubernetes object but "just a string"/);
  rejects('[1, 2]', 'list.json', /^list\.json: not a Kubernetes object or List but a list/);
  rejects(Buffer.from(Array.from({ length: 400 }, (_, i) => (i * 73) % 256)).toString('latin1'), 'binary.yaml', /^binary\.yaml(:\d+:\d+)?: /);
  const noKind = kubectlYaml(OBJECTS).replace('kind: IPPool', 'kindx: IPPool');
  rejects(noKind, 'nokind.yaml', /^nokind\.yaml:\d+:3: object without kind: /);
  rejects(kubectlYaml(OBJECTS.slice(2)), 'nonodes.yaml', /^nonodes\.yaml: no Node objects, so nodes that are gone cannot be told from nodes that exist/);
});

test('items that refer to each other through YAML anchors are refused with the reason', () => {
  const text = kubectlYaml(OBJECTS).replace('    cidr: 10.0.0.0/24', '    cidr: &range 10.0.0.0/24').replace('    cidr: 10.0.0.16/28', '    cidr: *range');
  rejects(text, 'anchors.yaml', /^anchors\.yaml:1: the List's items refer to each other through YAML anchors and aliases/);
});

test('forEachDumpObject hands over every object in order, once', () => {
  const seen: string[] = [];
  forEachDumpObject(kubectlYaml(OBJECTS), 'x.yaml', (object) => seen.push(String(object.kind)));
  assert.deepEqual(seen, ['Node', 'Node', 'IPPool', 'IPAMBlock', 'IPAMBlock', 'IPAMConfig']);
});

test('pages as the API server answers them: typed lists whose items lack apiVersion and kind; an empty list still marks its kind read', () => {
  const collector = new IpamCollector('c');
  const strip = ({ apiVersion: _a, kind: _k, ...item }: Obj) => item;
  const others = collector.addList({ apiVersion: 'v1', kind: 'NodeList', metadata: {}, items: OBJECTS.filter((o) => o.kind === 'Node').map(strip) });
  collector.addList({ apiVersion: 'crd.projectcalico.org/v1', kind: 'IPAMBlockList', metadata: {}, items: OBJECTS.filter((o) => o.kind === 'IPAMBlock') });
  collector.addList({ apiVersion: 'crd.projectcalico.org/v1', kind: 'IPPoolList', metadata: {}, items: OBJECTS.filter((o) => o.kind === 'IPPool') });
  collector.addList({ apiVersion: 'crd.projectcalico.org/v1', kind: 'IPAMConfigList', metadata: {}, items: OBJECTS.filter((o) => o.kind === 'IPAMConfig') });
  collector.addList({ apiVersion: 'crd.projectcalico.org/v1', kind: 'BlockAffinityList', metadata: {}, items: [] });
  assert.deepEqual(others, []);
  const state = collector.finish();
  assert.deepEqual(figures(state), reference);
  assert.deepEqual([...state.kinds].sort(), ['BlockAffinity', 'IPAMBlock', 'IPAMConfig', 'IPPool', 'Node']);
});
