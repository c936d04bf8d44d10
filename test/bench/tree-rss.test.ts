/**
 * The benchmark's peak RSS counts the whole process tree: calico-gen evaluates definitions in
 * worker processes, and the kernel's ru_maxrss of the command alone would leave them out.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runProcess } from '../../bench/measure';
import { tempDir } from '../support/cli';

const MiB = 1024 * 1024;
/** Holds `mib` MiB resident (written, so the pages are real) for a second, then exits. */
const hold = (mib: number) => `const b = Buffer.alloc(${mib * MiB}, 1); setTimeout(() => b.length, 1000);`;

test('the process-tree method sums the resident memory of a command and of the processes it starts', { skip: !fs.existsSync('/proc/self/task') && 'no /proc here' }, (t) => {
  const dir = tempDir('bench-tree-rss');
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const child = path.join(dir, 'child.js');
  fs.writeFileSync(child, hold(100));
  const parent = `require('node:child_process').spawn(process.execPath, [${JSON.stringify(child)}], { stdio: 'inherit' }); ${hold(100)}`;
  const run = runProcess({ command: process.execPath, args: ['-e', parent], cwd: dir }, 'process-tree');
  assert.equal(run.status, 0, run.stderr);
  assert.ok(run.peakRssMiB !== null && run.peakRssMiB >= 200, `peak ${run.peakRssMiB} MiB: two processes holding 100 MiB each`);
  assert.ok(run.seconds >= 1, `${run.seconds} s: the command's own time`);
});
