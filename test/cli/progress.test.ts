/** Progress on stderr: after a second, on a terminal only, never in CI; and the pipeline reports each cluster it runs. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { progressOn } from '../../src/cli/progress';
import { runPipeline } from '../../src/pipeline';
import { clusterSource, fleetProject } from '../support/cli';
import * as path from 'node:path';

function terminal(isTTY = true) {
  const written: string[] = [];
  return { stream: { write: (text: string) => written.push(text), isTTY }, written };
}

test('nothing in the first second; then one line, rewritten in place, erased when done', () => {
  let now = 0;
  const { stream, written } = terminal();
  const progress = progressOn(stream, {}, () => now);
  progress.update('1 of 3');
  now = 999;
  progress.update('2 of 3');
  assert.deepEqual(written, []);
  now = 1000;
  progress.update('2 of 3');
  now = 1050;
  progress.update('2 of 3 again, too soon to redraw');
  now = 1200;
  progress.update('3 of 3');
  progress.done();
  assert.deepEqual(written, ['\r2 of 3\x1b[K', '\r3 of 3\x1b[K', '\r\x1b[K']);
});

test('a run done within a second leaves no trace; a slow step announced is drawn at once', () => {
  const quiet = terminal();
  const fast = progressOn(quiet.stream, {}, () => 0);
  fast.update('1 of 1');
  fast.done();
  assert.deepEqual(quiet.written, []);
  const slow = terminal();
  const reading = progressOn(slow.stream, {}, () => 0);
  reading.announce('reading big.yaml (120 MB)');
  reading.done();
  assert.deepEqual(slow.written, ['\rreading big.yaml (120 MB)\x1b[K', '\r\x1b[K']);
});

test('silent when stderr is not a terminal, and in CI', () => {
  let now = 0;
  for (const [isTTY, env] of [[false, {}], [true, { CI: 'true' }]] as const) {
    const { stream, written } = terminal(isTTY);
    const progress = progressOn(stream, env, () => now);
    now = 5000;
    progress.update('busy');
    progress.announce('reading');
    progress.done();
    assert.deepEqual(written, [], `isTTY ${isTTY}, ${JSON.stringify(env)}`);
  }
});

test('the pipeline reports each cluster it runs, of those that are not cached', async () => {
  const dir = fleetProject({
    'ams-main.ts': clusterSource('ams-main'),
    'fra-main.ts': clusterSource('fra-main', '', { asNumber: 64602, v4: '10.72.0.0/17', v6: '2001:db8:f00:c000::/64' }),
  });
  const heard: string[] = [];
  await runPipeline({ clustersDir: path.join(dir, 'clusters'), cache: false, onProgress: (done, total) => heard.push(`${done}/${total}`) });
  assert.deepEqual(heard, ['1/2', '2/2']);
});
