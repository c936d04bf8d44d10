/** Findings about the inputs themselves: files that do not parse, documents that are not objects. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseValuesFile } from '../../src/inputs/values-files';
import { parseManifestFile } from '../../src/inputs/manifest-files';
import { validateClusters } from '../../src/validate';
import { baseValues, sourceOf } from './support';

const values = (text: string) => parseValuesFile({ path: '/v.yaml', display: 'v.yaml', text }).findings.map((f) => [f.rule, f.severity, f.source?.line]);
const manifests = (text: string) => parseManifestFile({ path: '/m.yaml', display: 'm.yaml', text }).findings.map((f) => [f.rule, f.severity, f.source?.line]);

test('values-yaml: a syntax error (error), a list at the top (error), a second document Helm ignores (warning)', () => {
  assert.deepEqual(values('a: 1\nb: [\n'), [['values-yaml', 'error', 3]]);
  assert.deepEqual(values('- a\n'), [['values-yaml', 'error', 1]]);
  assert.deepEqual(values('a: 1\n---\nb: 2\n'), [['values-yaml', 'warning', 3]]);
});

test('values-yaml: a map, an empty file and a comment-only file are fine', () => {
  for (const text of ['a: 1\n', '', '# nothing yet\n']) assert.deepEqual(values(text), [], JSON.stringify(text));
});

test('manifest-yaml and manifest-object: syntax errors, documents that are not objects, other APIs', () => {
  assert.deepEqual(manifests('kind: IPPool\nmetadata: a: b\n'), [['manifest-yaml', 'error', 2]]);
  assert.deepEqual(manifests('just text\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\n'), [
    ['manifest-object', 'error', 1],
    ['manifest-object', 'info', 3],
  ]);
});

test('manifest-object: Calico objects and empty documents raise nothing', () => {
  assert.deepEqual(manifests('---\napiVersion: crd.projectcalico.org/v1\nkind: IPPool\nmetadata: {name: a}\nspec: {cidr: 10.0.0.0/16}\n---\n'), []);
});

test('values-render: values the chart cannot render are an error next to the schema finding that explains them', () => {
  const findings = validateClusters([sourceOf({ ...baseValues(), typha: 'x' })]);
  assert.deepEqual(findings.filter((f) => ['values-render', 'values-schema'].includes(f.rule)).map((f) => [f.rule, f.path]).sort(), [
    ['values-render', ''],
    ['values-schema', '/typha'],
  ]);
  assert.deepEqual(validateClusters([sourceOf(baseValues())]).filter((f) => f.rule === 'values-render'), []);
});

test('values-render: `~` on a map the chart only ranges over (BGPPeers, GlobalNetworkPolicies) renders, as in Helm', () => {
  for (const key of ['BGPPeers', 'GlobalNetworkPolicies', 'BGPConfiguration']) {
    assert.deepEqual(validateClusters([sourceOf({ ...baseValues(), [key]: null })]).map((f) => f.rule), [], key);
  }
  assert.deepEqual(validateClusters([sourceOf({ ...baseValues(), IPAMConfig: null })]).map((f) => f.rule), ['values-render'], 'the chart reads IPAMConfig.strictAffinity: Helm fails too');
});
