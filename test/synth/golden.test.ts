import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../support/cli';

// The committed generated/ is the golden output of the example fleet: review its diff, then
// regenerate with `npm run golden:update`.
test('the committed generated/ matches a fresh synthesis of clusters/', () => {
  const result = runCli(['synth', '--check']);
  assert.equal(result.status, 0, `generated/ is stale; run \`npm run golden:update\` and review:\n${result.stdout}${result.stderr}`);
});
