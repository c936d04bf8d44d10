import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSensitiveKey, redactValuesPair, REDACTED, REDACTED_CHANGED } from '../../src/diff/redact';

test('sensitive values are replaced on both sides; a change still shows as a change', () => {
  const [desired, live] = redactValuesPair(
    { bgp: { password: 'new', asNumber: 1 }, token: 'same', tolerations: [{ key: 'x', operator: 'Exists' }] },
    { bgp: { password: 'old', asNumber: 1 }, token: 'same', tolerations: [{ key: 'x', operator: 'Exists' }] },
  );
  assert.deepEqual(desired, { bgp: { password: REDACTED_CHANGED, asNumber: 1 }, token: REDACTED, tolerations: [{ key: 'x', operator: 'Exists' }] });
  assert.deepEqual(live, { bgp: { password: REDACTED, asNumber: 1 }, token: REDACTED, tolerations: [{ key: 'x', operator: 'Exists' }] });
  assert.doesNotMatch(JSON.stringify([desired, live]), /new|old|same/);
});

test('a sensitive subtree on one side only is hidden too, and one under a readable key', () => {
  const [desired, live] = redactValuesPair({ config: { secret: { a: 'x' } }, auth: { user: 'u' } }, {});
  assert.deepEqual(desired, { config: { secret: REDACTED }, auth: REDACTED });
  assert.deepEqual(live, {});
});

test('a key is sensitive when one side holds a secret, though the other holds a reference', () => {
  const [desired, live] = redactValuesPair({ password: 'in-clear' }, { password: { secretKeyRef: { name: 's', key: 'k' } } });
  assert.deepEqual(desired, { password: REDACTED_CHANGED });
  assert.deepEqual(live, { password: REDACTED });
  assert.ok(!isSensitiveKey('password', { password: { secretKeyRef: { name: 's', key: 'k' } } }));
});
