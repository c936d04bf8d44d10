/**
 * Data-driven CLI cases: each folder under test/cli/cases holds input files, `args` (the command
 * line, one argument per line), `expected-stdout`, `expected-status`, and `expected-stderr` when
 * the command writes to stderr. The CLI runs as a child process in the case's folder, as CI runs it.
 * CALICO_GEN_UPDATE_CASES=1 rewrites the expectations (read the diff before committing it).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot, runCli } from '../support/cli';

const casesDir = path.join(projectRoot, 'test', 'cli', 'cases');
const update = process.env.CALICO_GEN_UPDATE_CASES === '1';

function read(dir: string, file: string): string | undefined {
  const full = path.join(dir, file);
  return fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : undefined;
}

for (const name of fs.readdirSync(casesDir).sort()) {
  const dir = path.join(casesDir, name);
  if (!fs.statSync(dir).isDirectory()) continue;
  test(`calico-gen ${read(dir, 'args')!.trim().split('\n').join(' ')}  [${name}]`, () => {
    const args = read(dir, 'args')!.split('\n').filter((line) => line !== '');
    const result = runCli(args, { cwd: dir });
    if (update) {
      fs.writeFileSync(path.join(dir, 'expected-stdout'), result.stdout);
      fs.writeFileSync(path.join(dir, 'expected-status'), `${result.status}\n`);
      if (result.stderr) fs.writeFileSync(path.join(dir, 'expected-stderr'), result.stderr);
      else fs.rmSync(path.join(dir, 'expected-stderr'), { force: true });
      return;
    }
    assert.equal(result.stdout, read(dir, 'expected-stdout') ?? '', 'stdout');
    assert.equal(result.stderr, read(dir, 'expected-stderr') ?? '', 'stderr');
    assert.equal(result.status, Number(read(dir, 'expected-status')), 'exit status');
  });
}
