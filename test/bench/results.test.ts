// Benchmark results are shared in the repository: they name no path of the machine they ran on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { machinePaths } from '../../bench/run';
import { projectRoot } from '../support/cli';

test('the committed benchmark results hold no absolute path', () => {
  const dir = path.join(projectRoot, 'bench', 'results');
  const files = fs.readdirSync(dir).filter((file) => file.endsWith('.json'));
  assert.ok(files.length > 0);
  for (const file of files) assert.deepEqual(machinePaths(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'))), [], file);
});

test('what counts as a machine path', () => {
  assert.deepEqual(machinePaths({ a: ['/tmp/x/fleet-10', 'ok'], b: 'helm at /home/me/helm', c: 'fleet-10', d: '13.9× (helm 15.02 s / synth 1.08 s)', e: 'clusters/a.ts', f: '10.0.0.0/8' }), ['/tmp/x/fleet-10', 'helm at /home/me/helm']);
});
