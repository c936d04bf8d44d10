/**
 * A fresh clone with nothing beside it must build, test and run: nothing committed may reach for
 * the reference folder that sits next to the project's development clones, and the data copied
 * from elsewhere must say where it came from.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { projectRoot } from '../support/k8s-tools';
import { realworldValuesDir } from '../support/fixtures';

const root = projectRoot();

function committedFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' });
  return listed.split('\0').filter((file) => file && existsSync(join(root, file)));
}

/** The sibling folder `shared` as a relative path, written out or spelled as path segments. */
const outsideReferences = [/\.\.\/shared\b/, /['"]\.\.['"],\s*['"]shared['"]/];

test('no committed file refers to a folder beside the clone', () => {
  const files = committedFiles();
  assert.ok(files.length > 100, `git ls-files listed only ${files.length} files`);
  const offending = files.flatMap((file) => {
    const lines = readFileSync(join(root, file), 'utf8').split('\n');
    return lines.flatMap((line, i) => (outsideReferences.some((pattern) => pattern.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : []));
  });
  assert.deepEqual(offending, []);
});

test('copied data carries a note of its source, commit and licence', () => {
  for (const note of ['test/fixtures/realworld/README.md', 'vendor/calico-crds-v3.30/README.md']) {
    const text = readFileSync(join(root, note), 'utf8');
    assert.match(text, /wikimedia\/operations-deployment-charts/, `${note} names the source repository`);
    assert.match(text, /66ce6e0/, `${note} names the commit`);
    assert.match(text, /Apache License 2\.0/, `${note} names the licence`);
  }
});

test('the real fleet fixture holds all 11 clusters', () => {
  const clusters = ['eqiad', 'codfw', 'staging-eqiad', 'staging-codfw', 'ml-serve-eqiad', 'ml-serve-codfw', 'ml-staging-codfw', 'dse-k8s-eqiad', 'dse-k8s-codfw', 'aux-k8s-eqiad', 'aux-k8s-codfw'];
  const missing = clusters.filter((cluster) => !existsSync(join(realworldValuesDir, cluster, 'calico-values.yaml')));
  assert.deepEqual(missing, []);
});

test("the fixture chart's values.yaml is the real chart's defaults", () => {
  const real = YAML.parse(readFileSync(join(realworldValuesDir, '..', '..', '..', 'calico-chart-default-values.yaml'), 'utf8'));
  const fixture = YAML.parse(readFileSync(join(root, 'test', 'fixtures', 'calico-chart', 'values.yaml'), 'utf8'));
  assert.deepEqual(fixture, real);
});
