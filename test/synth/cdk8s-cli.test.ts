import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { projectRoot } from '../support/cli';

const documents = (file: string) => parseAllDocuments(fs.readFileSync(file, 'utf8')).map((d) => d.toJS());

test('`cdk8s synth` (cdk8s.yaml) yields the same manifests as calico-gen synth', () => {
  const outdir = path.join(projectRoot, 'cdk8s.out');
  execFileSync(path.join(projectRoot, 'node_modules', '.bin', 'cdk8s'), ['synth'], { cwd: projectRoot, encoding: 'utf8', stdio: 'pipe' });
  const clusters = fs.readdirSync(path.join(projectRoot, 'generated'));
  assert.deepEqual(fs.readdirSync(outdir).sort(), clusters.flatMap((c) => [`${c}.k8s.yaml`, `${c}-bgppeers.k8s.yaml`]).sort());
  for (const cluster of clusters) {
    const charts = [`${cluster}.k8s.yaml`, `${cluster}-bgppeers.k8s.yaml`].flatMap((file) => documents(path.join(outdir, file)));
    assert.deepEqual(charts, documents(path.join(projectRoot, 'generated', cluster, 'manifests.yaml')), cluster);
  }
});
