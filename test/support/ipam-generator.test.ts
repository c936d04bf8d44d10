// The IPAM cluster generator the ipam tests and the bench share: it plants what its plan says,
// and its dumps are what kubectl prints (read back identically by an independent YAML parser).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { kubectlJson, kubectlYaml, writeKubectlDump } from './ipam/kubectl-format';
import { BENCH_PLAN, scenarioCluster } from './ipam/presets';
import { generateIpamCluster } from './ipam/cluster';

const scenario = scenarioCluster();

test('the 200-node scenario plants what its plan says', () => {
  const { facts } = scenario;
  assert.equal(facts.nodes.length, 200);
  assert.equal(facts.goneNodes.length, 3);
  assert.ok(facts.goneNodes.every((gone) => !facts.nodes.includes(gone)));
  assert.equal(facts.otherSizeBlocks.length, 1);
  assert.match(facts.otherSizeBlocks[0]!, /^10\.64\.\d+\.\d+\/28$/);
  assert.deepEqual(facts.orphanedBlocks, ['10.99.0.0/26']);
  assert.equal(facts.deletedBlocks.length, 1);
  assert.equal(facts.pendingAffinities.length, 1);
  assert.equal(facts.borrowedAddresses, 7);
  const kinds = new Map<string, number>();
  for (const object of scenario.objects) kinds.set(String(object.kind), (kinds.get(String(object.kind)) ?? 0) + 1);
  assert.equal(kinds.get('Node'), 200);
  assert.equal(kinds.get('IPAMBlock'), facts.blocks);
  assert.equal(kinds.get('IPPool'), 3);
  assert.equal(kinds.get('IPAMConfig'), 1);
  assert.ok(kinds.get('IPAMHandle')! >= facts.pods - facts.borrowedAddresses);
});

test('YAML and JSON dumps are what kubectl prints and read back to the same objects', () => {
  const yaml = kubectlYaml(scenario.objects);
  assert.match(yaml, /^apiVersion: v1\nitems:\n- apiVersion: v1\n {2}kind: Node\n/);
  assert.match(yaml, /\n {4}allocations:\n {4}- /, 'a sequence under a key starts at the key\'s indentation, as go-yaml writes it');
  assert.match(yaml, /\nkind: List\nmetadata:\n {2}resourceVersion: ""\n$/);
  const json = kubectlJson(scenario.objects);
  assert.match(json, /^\{\n {4}"apiVersion": "v1",\n {4}"items": \[\n {8}\{\n {12}"apiVersion": "v1",/);
  const fromYaml = parse(yaml, { maxAliasCount: -1 }) as { items: unknown[] };
  assert.deepEqual(fromYaml, JSON.parse(json));
  assert.deepEqual(JSON.parse(JSON.stringify(fromYaml.items[0])), JSON.parse(JSON.stringify(scenario.objects[0])));
});

test('large dumps stream to files in all three forms with the same content', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calico-gen-ipam-dump-'));
  try {
    const small = generateIpamCluster({ ...BENCH_PLAN, nodes: 40, goneNodes: 2 });
    const files = { yaml: path.join(dir, 'd.yaml'), json: path.join(dir, 'd.json'), compact: path.join(dir, 'd.compact.json') };
    writeKubectlDump(files.yaml, small.objects, 'yaml');
    writeKubectlDump(files.json, small.objects, 'json');
    const size = writeKubectlDump(files.compact, small.objects, 'json-compact');
    assert.equal(fs.readFileSync(files.yaml, 'utf8'), kubectlYaml(small.objects));
    assert.equal(fs.readFileSync(files.json, 'utf8'), kubectlJson(small.objects));
    assert.equal(size, fs.statSync(files.compact).size);
    assert.deepEqual(JSON.parse(fs.readFileSync(files.compact, 'utf8')), JSON.parse(kubectlJson(small.objects)));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
