/** A reader that stops early (`calico-gen validate … | head -1`) must not turn into a stack trace. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectRoot } from '../support/k8s-tools';

/** Enough invalid pools that the findings overflow any pipe buffer. */
function manyFindings(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'closed-pipe-')), 'pools.yaml');
  const pool = (i: number) =>
    `apiVersion: crd.projectcalico.org/v1\nkind: IPPool\nmetadata:\n  name: p${i}\nspec:\n  cidr: 10.${i >> 8}.${i & 255}.0/24\n  blockSize: 40\n`;
  fs.writeFileSync(file, Array.from({ length: 3000 }, (_, i) => pool(i)).join('---\n'));
  return file;
}

test('stdout closed after the first line: no stack trace on stderr, and the exit status is the command\'s own', async () => {
  const root = projectRoot();
  const child = spawn(process.execPath, [path.join(root, 'bin', 'calico-gen.js'), 'validate', '--manifests', manyFindings()], {
    cwd: root,
    env: { PATH: process.env.PATH, NO_COLOR: '1' },
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  let firstLine = '';
  child.stdout.on('data', (chunk) => {
    if (firstLine) return;
    firstLine = String(chunk).split('\n')[0];
    child.stdout.destroy();
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.match(firstLine, /error ippool-block-size: IPPool\/p0/);
  assert.doesNotMatch(stderr, /EPIPE|at .*\.js:\d+/);
  assert.equal(code, 1, 'the findings are errors, so the status stays 1');
});
