/**
 * `diff` through the real CLI: deployed release values with secrets in them (under a sensitive key,
 * or a URL with credentials under any key) are redacted on both sides unless --show-secrets.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { clusterSource, fleetProject, runCli } from '../support/cli';

test('deployed values: a password and credentials in a URL show as <redacted>; --show-secrets shows them', () => {
  const dir = fleetProject({ 'ams-main.ts': clusterSource('ams-main') });
  fs.writeFileSync(path.join(dir, 'live.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: unrelated, namespace: default}\n');
  fs.writeFileSync(
    path.join(dir, 'values.yaml'),
    ['veth_mtu: "1450"', 'registryMirror: https://robot:hunter2@mirror.example.org/calico', 'felixConfig:', '  prometheusPassword: s3cr3t', ''].join('\n'),
  );
  const diff = (...extra: string[]) => runCli(['diff', '--cluster', 'ams-main', '--live-file', 'live.yaml', '--live-values', 'values.yaml', '--format', 'json', ...extra], { cwd: dir });
  const hidden = diff();
  assert.equal(hidden.status, 0, hidden.stderr);
  const values = (JSON.parse(hidden.stdout) as { values: { changed: boolean; diff: string } }).values;
  assert.equal(values.changed, true);
  assert.doesNotMatch(values.diff, /hunter2|s3cr3t/);
  assert.match(values.diff, /^-registryMirror: https:\/\/robot:<redacted>@mirror\.example\.org\/calico$/m);
  assert.match(values.diff, /^-  prometheusPassword: <redacted>$/m);
  const shown = (JSON.parse(diff('--show-secrets').stdout) as { values: { diff: string } }).values;
  assert.match(shown.diff, /^-registryMirror: https:\/\/robot:hunter2@mirror\.example\.org\/calico$/m);
  assert.match(shown.diff, /^-  prometheusPassword: s3cr3t$/m);
});
