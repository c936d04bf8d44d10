/** Hand-written inputs: YAML positions, helmfile layering, and findings located in the right file. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLocatedYaml, positionOf } from '../../src/inputs/yaml-locations';
import { locateInLayers, parseValuesFile, type ValuesLayer } from '../../src/inputs/values-files';
import { mergeValuesFiles } from '../../src/util/merge';
import { parseManifestFile } from '../../src/inputs/manifest-files';
import { valuesPointerFor } from '../../src/values/object-to-values';
import { hints } from '../../src/validate/source';
import { handWrittenSource } from '../../src/inputs/sources';
import { validateClusters } from '../../src/validate';
import { effectiveValues } from '../../src/model/chart-defaults';

function layer(file: string, text: string): ValuesLayer {
  const parsed = parseValuesFile({ path: `/${file}`, display: file, text });
  assert.deepEqual(parsed.findings, []);
  return parsed.layer!;
}

describe('YAML positions', () => {
  test('every key and list item has its line and column; an unknown pointer falls back to its parent', () => {
    const [document] = parseLocatedYaml('a:\n  b: 1\n  list:\n    - x\n    - {c: 2}\n').documents;
    assert.deepEqual(positionOf(document!, '/a/b'), { line: 2, column: 3 });
    assert.deepEqual(positionOf(document!, '/a/list/1/c'), { line: 5, column: 8 });
    assert.deepEqual(positionOf(document!, '/a/missing/deeper'), { line: 1, column: 1 });
  });
  test('YAML 1.1 as Helm reads it: on is true, << merges (and points at the <<)', () => {
    const [document] = parseLocatedYaml('base: &b {x: 1}\nuse:\n  <<: *b\n  flag: on\n').documents;
    assert.deepEqual(document!.data, { base: { x: 1 }, use: { x: 1, flag: true } });
    assert.deepEqual(positionOf(document!, '/use/x'), { line: 3, column: 3 });
  });
  test('syntax errors are reported with their position, not thrown', () => {
    const parsed = parseValuesFile({ path: '/v.yaml', display: 'v.yaml', text: 'a: [1, 2\nb: 3\n' });
    assert.equal(parsed.layer, undefined);
    assert.equal(parsed.findings[0]?.rule, 'values-yaml');
    assert.equal(parsed.findings[0]?.source?.file, 'v.yaml');
    assert.ok(parsed.findings[0]?.source?.line);
  });
  test('a values file that is a list, not a map, is refused as Helm refuses it', () => {
    assert.match(parseValuesFile({ path: '/v.yaml', display: 'v.yaml', text: '- a\n' }).findings[0]!.message, /must be a map/);
  });
});

describe('helmfile layering', () => {
  const common = layer('common.yaml', 'IPAMConfig:\n  strictAffinity: true\ntypha:\n  resources:\n    limits:\n      cpu: 500m\n');
  const cluster = layer('cluster.yaml', 'IPAMConfig:\n  maxBlocksPerHost: 4\ntypha:\n  resources:\n    limits:\n      cpu: ~\n');
  test('maps merge key by key, and ~ removes a value set below, the chart default included', () => {
    const effective = effectiveValues(mergeValuesFiles([common.document.data, cluster.document.data]));
    assert.deepEqual(effective.IPAMConfig, { autoAllocateBlocks: true, maxBlocksPerHost: 4, strictAffinity: true });
    const limits = (effective.typha as unknown as { resources: { limits: Record<string, unknown> } }).resources.limits;
    assert.equal('cpu' in limits, false, 'neither 500m nor the chart default 150m comes back');
    assert.equal(limits.memory, '150Mi');
  });
  test('a value is located in the last layer that set it; an unset one in the layer that set its parent', () => {
    const layers = [common, cluster];
    assert.deepEqual(locateInLayers(layers, '/IPAMConfig/strictAffinity'), { file: 'common.yaml', line: 2, column: 3 });
    assert.deepEqual(locateInLayers(layers, '/IPAMConfig/maxBlocksPerHost'), { file: 'cluster.yaml', line: 2, column: 3 });
    assert.deepEqual(locateInLayers(layers, '/IPAMConfig/autoAllocateBlocks'), { file: 'cluster.yaml', line: 1, column: 1 });
    assert.deepEqual(locateInLayers(layers, '/nothing/here'), { file: 'cluster.yaml' });
  });
});

describe('object fields back to the values that made them', () => {
  const values = { IPPools: { ipv4: { cidr: '10.0.0.0/16' }, ipv6: { cidr: '2001:db8::/64' } }, BGPConfiguration: { asNumber: 1 } };
  test('the chart\'s object names and field names map to values keys', () => {
    assert.equal(valuesPointerFor('IPPool/ipv4', '/spec/blockSize', values), '/IPPools/ipv4/blockSize');
    assert.equal(valuesPointerFor('BGPPeer/cr1-eqiad-ipv6', '/spec/peerIP', values), '/BGPPeers/cr1-eqiad/ipv6');
    assert.equal(valuesPointerFor('BGPPeer/cr1-eqiad-ipv4', '/spec/asNumber', values), '/PeerAS');
    assert.equal(valuesPointerFor('BGPPeer/cr1-eqiad-ipv4', '/spec/numAllowedLocalASNumbers', values), '/ASLoop');
    assert.equal(valuesPointerFor('IPAMConfig/default', '/spec/strictAffinity', values), '/IPAMConfig/strictAffinity');
    assert.equal(valuesPointerFor('BGPConfiguration/default', '/spec/asNumber', values), '/BGPConfiguration/asNumber');
  });
  test('generated prefix advertisements point at their pool and at GenericBGPCommunity', () => {
    assert.equal(valuesPointerFor('BGPConfiguration/default', '/spec/prefixAdvertisements/1/cidr', values), '/IPPools/ipv6/cidr');
    assert.equal(valuesPointerFor('BGPConfiguration/default', '/spec/prefixAdvertisements/0/communities/0', values), '/GenericBGPCommunity');
    const written = { ...values, BGPConfiguration: { prefixAdvertisements: [] } };
    assert.equal(valuesPointerFor('BGPConfiguration/default', '/spec/prefixAdvertisements/0/cidr', written), '/BGPConfiguration/prefixAdvertisements/0/cidr');
  });
});

describe('findings name the file, line and column where the value was written', () => {
  test('an object rule\'s finding on a chart object lands on the values line of the layer that set it', () => {
    const base = layer('common.yaml', 'IPPools:\n  ipv4:\n    cidr: 10.0.0.0/16\n    blockSize: 26\n');
    const top = layer('cluster/calico-values.yaml', 'IPPools:\n  ipv4:\n    ipipMode: always\n');
    const source = handWrittenSource({ name: 'c', values: [base, top], manifests: [], capacity: hints(undefined, undefined) });
    const finding = validateClusters([source]).find((f) => f.rule === 'ippool-ipip-mode');
    assert.deepEqual(finding?.source, { file: 'cluster/calico-values.yaml', line: 3, column: 5 });
  });
  test('a finding on a hand-written manifest lands on its own line', () => {
    const text = 'apiVersion: crd.projectcalico.org/v1\nkind: IPPool\nmetadata:\n  name: a\nspec:\n  cidr: 10.0.0.0/16\n---\napiVersion: crd.projectcalico.org/v1\nkind: IPPool\nmetadata:\n  name: b\nspec:\n  cidr: 10.0.128.0/17\n';
    const manifests = parseManifestFile({ path: '/m.yaml', display: 'm.yaml', text });
    const source = handWrittenSource({ name: '', values: [], manifests: manifests.objects, capacity: hints(undefined, undefined) });
    const finding = validateClusters([source]).find((f) => f.rule === 'pool-overlap-in-cluster');
    assert.deepEqual(finding?.source, { file: 'm.yaml', line: 13, column: 3 });
  });
  test('objects of other APIs in a manifest file are noted, not checked; a List is unpacked', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: crd.projectcalico.org/v1\n  kind: IPPool\n  metadata: {name: a}\n  spec: {cidr: 10.0.0.0/16}\n';
    const parsed = parseManifestFile({ path: '/m.yaml', display: 'm.yaml', text });
    assert.deepEqual(parsed.objects.map((o) => [o.ref, o.base]), [['IPPool/a', '/items/0']]);
    assert.deepEqual(parsed.findings.map((f) => [f.rule, f.severity, f.object]), [['manifest-object', 'info', 'ConfigMap/x']]);
  });
});
