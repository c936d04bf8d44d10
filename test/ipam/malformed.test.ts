// Malformed IPAM objects in a dump: one located warning each (object, JSON pointer, file:line:col
// of the field), the rest still counted, nothing crashes; in YAML and in JSON.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { liveFigures, poolLiveJson, readIpamDump, type IpamState } from '../../src/ipam';
import { kubectlJson, kubectlYaml } from '../support/ipam/kubectl-format';
import { affinity, block, node, pool, type Obj } from './support';

function malformedCluster(): Obj[] {
  const tooLong = block('10.0.0.64/26', { affinity: 'host:n1', pods: { 0: undefined, 1: undefined } });
  (tooLong.spec as { allocations: unknown[] }).allocations.push(0, null, 1);
  const dangling = block('10.0.0.128/26', { affinity: 'host:n2', pods: { 3: undefined } });
  (dangling.spec as { allocations: unknown[] }).allocations[5] = 7;
  (dangling.spec as { allocations: unknown[] }).allocations[6] = 9;
  const badCidr = block('10.0.0.192/26', { affinity: 'host:n1', pods: { 0: undefined } });
  (badCidr.spec as { cidr: string }).cidr = '10.0.0.300/26';
  const noHost = block('10.0.1.0/26', { affinity: 'n2', pods: { 0: undefined, 1: undefined } });
  const noNode = affinity('n1', '10.0.1.64/26');
  delete (noNode.spec as { node?: string }).node;
  return [
    node('n1'),
    node('n2'),
    pool('ipv4', '10.0.0.0/23', 26),
    block('10.0.0.0/26', { affinity: 'host:n1', pods: { 0: undefined, 5: 'n2' } }),
    tooLong,
    dangling,
    badCidr,
    noHost,
    noNode,
  ];
}

/** Each warning, and what its located line holds from the reported column on, in YAML and in JSON. */
const EXPECTED = [
  { object: 'BlockAffinity/n1-10-0-1-64-26', path: '/spec/node', yaml: 'spec:', json: '"spec"', message: /node is missing/ },
  { object: 'IPAMBlock/10-0-0-128-26', path: '/spec/allocations/5', yaml: '7', json: '7', message: /allocation 5 points to attribute 7 \(and 1 more allocation\), but the block has 1 attribute/ },
  { object: 'IPAMBlock/10-0-0-192-26', path: '/spec/cidr', yaml: 'cidr: 10.0.0.300/26', json: '"cidr": "10.0.0.300/26"', message: /cidr "10.0.0.300\/26" is not a CIDR .*left out of every count/ },
  { object: 'IPAMBlock/10-0-0-64-26', path: '/spec/allocations', yaml: 'allocations:', json: '"allocations": [', message: /allocations has 67 entries but a \/26 block holds only 64 addresses: the 3 entries past the end are not counted/ },
  { object: 'IPAMBlock/10-0-1-0-26', path: '/spec/affinity', yaml: 'affinity: n2', json: '"affinity": "n2"', message: /affinity "n2" is neither host:<node> nor virtual:<name>/ },
];

function check(state: IpamState, text: string, file: string, format: 'yaml' | 'json'): void {
  const warnings = [...state.warnings].sort((a, b) => (a.object < b.object ? -1 : 1));
  assert.equal(warnings.length, EXPECTED.length, warnings.map((w) => w.message).join('\n'));
  const lines = text.split('\n');
  warnings.forEach((warning, i) => {
    const expected = EXPECTED[i]!;
    assert.equal(warning.rule, 'ipam-object-malformed');
    assert.equal(warning.severity, 'warning');
    assert.equal(warning.object, expected.object);
    assert.equal(warning.path, expected.path);
    assert.match(warning.message, expected.message);
    assert.equal(warning.source?.file, file);
    const line = lines[warning.source!.line! - 1]!;
    assert.ok(line.slice(warning.source!.column! - 1).startsWith(expected[format]), `${expected.object}${expected.path} at ${warning.source!.line}:${warning.source!.column}: ${line}`);
  });
  // the rest is still counted: 4 readable blocks (the bad CIDR is left out), the extra entries are not
  const [figures] = liveFigures(state).pools.map(poolLiveJson);
  assert.equal(figures!.blocksClaimed, 3);
  assert.equal(figures!.addressesInUse, 2 + 2 + 3 + 2);
  assert.equal(figures!.borrowedAddresses, 1 + 2);
}

test('YAML: each malformed object gives one warning at the line and column of its field; the rest is counted', () => {
  const text = kubectlYaml(malformedCluster());
  check(readIpamDump(text, 'live.yaml', 'c'), text, 'live.yaml', 'yaml');
});

test('JSON: the same warnings, located in the JSON text', () => {
  const text = kubectlJson(malformedCluster());
  check(readIpamDump(text, 'live.json', 'c'), text, 'live.json', 'json');
});

test('an object of another shape entirely (spec a list, allocations a string, no attributes) is a warning, not a crash', () => {
  const objects: Obj[] = [
    node('n1'),
    { apiVersion: 'crd.projectcalico.org/v1', kind: 'IPAMBlock', metadata: { name: 'x' }, spec: ['not', 'a', 'map'] },
    { apiVersion: 'crd.projectcalico.org/v1', kind: 'IPAMBlock', metadata: { name: 'y' }, spec: { cidr: '10.0.0.0/26', allocations: 'many', affinity: 42 } },
    { apiVersion: 'crd.projectcalico.org/v1', kind: 'IPAMBlock', metadata: { name: 'z' }, spec: { cidr: '10.0.0.64/26', allocations: [0, 1, null] } },
    { apiVersion: 'crd.projectcalico.org/v1', kind: 'IPPool', metadata: { name: 'p' }, spec: { cidr: '10.0.0.0/24', blockSize: 40, nodeSelector: 'a ==' } },
    { apiVersion: 'crd.projectcalico.org/v1', kind: 'IPAMHandle', metadata: { name: 'h' }, spec: { block: 'none' } },
  ];
  const state = readIpamDump(kubectlYaml(objects), 'odd.yaml', 'c');
  assert.deepEqual(state.warnings.map((w) => `${w.object} ${w.path}`).sort(), [
    'IPAMBlock/x /spec',
    'IPAMBlock/y /spec/affinity',
    'IPAMBlock/y /spec/allocations',
    'IPAMBlock/z /spec/allocations/0',
    'IPAMHandle/h /spec/handleID',
    'IPPool/p /spec/blockSize',
  ]);
  assert.equal(state.blocks.length, 2);
  assert.deepEqual(state.blocks.map((b) => b.allocated), [0, 2]);
  assert.equal(liveFigures(state).live.orphanedBlocks, 2, 'the pool with an impossible blockSize is left out, so its blocks are orphaned');
});
