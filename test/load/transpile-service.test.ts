/** esbuild's service is a process as large as a worker: it must not stay beside the workers once the batch is transpiled. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { transpileFiles } from '../../src/load/transpile';

/** This process's child processes whose command line names esbuild (Linux: /proc). */
function esbuildChildren(): number[] {
  const children = fs
    .readdirSync('/proc/self/task')
    .flatMap((task) => fs.readFileSync(`/proc/self/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
  return children.filter((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('esbuild');
    } catch {
      return false; // ended meanwhile
    }
  });
}

/**
 * The esbuild children left once a stopped service has had time to exit: stop() asks the service to
 * end, and on a busy machine the process takes a moment to go (a few seconds at most is not "staying").
 */
async function esbuildChildrenAfterExit(): Promise<number[]> {
  const deadline = Date.now() + 5000;
  let children = esbuildChildren();
  while (children.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    children = esbuildChildren();
  }
  return children;
}

test('a batch transpiled without a cache leaves no esbuild process running, and a later batch still works', { skip: !fs.existsSync('/proc/self/task') && 'no /proc' }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'transpile-service-'));
  const files = [1, 2, 3].map((i) => path.join(dir, `m${i}.ts`));
  files.forEach((file, i) => fs.writeFileSync(file, `export const n: number = ${i};\n`));
  const first = await transpileFiles(files, undefined);
  assert.deepEqual([...first.values()].map((m) => m.error), [undefined, undefined, undefined]);
  assert.deepEqual(await esbuildChildrenAfterExit(), []);
  const again = await transpileFiles(files.slice(0, 1), undefined);
  assert.match(again.get(files[0]!)!.code ?? '', /n = 0/);
  assert.deepEqual(await esbuildChildrenAfterExit(), []);
});
