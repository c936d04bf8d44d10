import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const crds = path.resolve(root, '../shared/upstream/calico-crds-v3.30');

test('known-fields.generated.ts is up to date with the CRDs', { skip: !existsSync(crds) && 'no ../shared CRDs' }, () => {
  assert.doesNotThrow(() =>
    execFileSync(process.execPath, [path.join(root, 'scripts/gen-known-fields.mjs'), '--check'], { cwd: root, stdio: 'pipe' }),
  );
});
