import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

test('known-fields.generated.ts is up to date with the CRDs', () => {
  assert.doesNotThrow(() =>
    execFileSync(process.execPath, [path.join(root, 'scripts/gen-known-fields.mjs'), '--check'], { cwd: root, stdio: 'pipe' }),
  );
});
