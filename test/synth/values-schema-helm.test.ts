/**
 * schemas/calico-values.schema.json works as the chart's own values.schema.json: real helm
 * accepts every generated values file with it, and refuses a mistyped key inside BGPConfiguration
 * while letting other releases' top-level keys through.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { helmPath } from '../support/k8s-tools';
import { projectRoot, tempDir } from '../support/cli';

function chartWithSchema(): string {
  const chart = path.join(tempDir('chart'), 'calico');
  fs.cpSync(path.join(projectRoot, 'test', 'fixtures', 'calico-chart'), chart, { recursive: true });
  fs.copyFileSync(path.join(projectRoot, 'schemas', 'calico-values.schema.json'), path.join(chart, 'values.schema.json'));
  return chart;
}

function helmTemplate(chart: string, valuesFiles: string[]) {
  const home = tempDir('helm-home');
  return spawnSync(helmPath(), ['template', 'calico', chart, ...valuesFiles.flatMap((file) => ['-f', file])], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: home, HELM_CACHE_HOME: home, HELM_CONFIG_HOME: home, HELM_DATA_HOME: home },
  });
}

const generatedValues = (cluster: string) => path.join(projectRoot, 'generated', cluster, 'calico-values.yaml');

test('helm accepts every generated values file against the schema', () => {
  const chart = chartWithSchema();
  for (const cluster of fs.readdirSync(path.join(projectRoot, 'generated'))) {
    const result = helmTemplate(chart, [generatedValues(cluster)]);
    assert.equal(result.status, 0, `${cluster}: ${result.stderr}`);
  }
});

test('helm refuses a mistyped key inside BGPConfiguration, and allows other releases\' top-level keys', () => {
  const chart = chartWithSchema();
  const overlay = path.join(tempDir('values'), 'overlay.yaml');
  fs.writeFileSync(overlay, 'namespaces: {kube-system: {systemNamespace: true}}\nBGPConfiguration:\n  nodeToNodeMeshEnable: false\n');
  const result = helmTemplate(chart, [generatedValues('ams-main'), overlay]);
  assert.notEqual(result.status, 0);
  assert.match(result.stderr, /nodeToNodeMeshEnable/);
  assert.doesNotMatch(result.stderr, /namespaces/);
});
