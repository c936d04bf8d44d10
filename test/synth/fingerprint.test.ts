import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fingerprintOf } from '../../src/cache/fingerprint';
import { tempDir } from '../support/cli';

function write(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

test('cached syntheses go stale when calico-gen, its schemas or an installed dependency change', () => {
  const fleet = tempDir('fingerprint');
  // calico-gen installed in a fleet repository, its dependency hoisted beside it
  const root = path.join(fleet, 'node_modules', 'calico-gen');
  write(path.join(root, 'package.json'), JSON.stringify({ name: 'calico-gen', dependencies: { cdk8s: '^2' } }));
  write(path.join(root, 'dist', 'src', 'index.js'), 'module.exports = {};\n');
  write(path.join(root, 'schemas', 'compiled', 'a.schema.js'), 'module.exports = () => true;\n');
  const dependency = path.join(fleet, 'node_modules', 'cdk8s', 'package.json');
  write(dependency, JSON.stringify({ name: 'cdk8s', version: '2.70.0' }));

  const first = fingerprintOf(root);
  assert.equal(fingerprintOf(root), first, 'nothing changed');
  write(dependency, JSON.stringify({ name: 'cdk8s', version: '2.71.0' }));
  const upgraded = fingerprintOf(root);
  assert.notEqual(upgraded, first, 'a dependency upgraded');
  write(path.join(root, 'schemas', 'compiled', 'a.schema.js'), 'module.exports = () => false;\n');
  const schema = fingerprintOf(root);
  assert.notEqual(schema, upgraded, 'a schema changed');
  write(path.join(root, 'dist', 'src', 'index.js'), 'module.exports = { changed: true };\n');
  assert.notEqual(fingerprintOf(root), schema, 'the code changed');
});
