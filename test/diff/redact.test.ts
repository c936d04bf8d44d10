import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSensitiveKey, redactValuesPair, REDACTED, REDACTED_CHANGED } from '../../src/diff/redact';

test('keys that look sensitive are recognised; label keys in tolerations are not', () => {
  for (const key of ['password', 'nodeMeshPassword', 'token', 'apiToken', 'secret', 'imagePullSecrets', 'privateKey', 'api_key', 'key', 'credentials']) assert.ok(isSensitiveKey(key, {}), key);
  for (const key of ['topologyKey', 'keepOriginalNextHop', 'tag', 'monkey']) assert.ok(!isSensitiveKey(key, {}), key);
  assert.ok(!isSensitiveKey('key', { key: 'CriticalAddonsOnly', operator: 'Exists' }));
});

test('sensitive values are replaced on both sides; a change still shows as a change', () => {
  const [desired, live] = redactValuesPair(
    { bgp: { password: 'new', asNumber: 1 }, token: 'same', tolerations: [{ key: 'x', operator: 'Exists' }] },
    { bgp: { password: 'old', asNumber: 1 }, token: 'same', tolerations: [{ key: 'x', operator: 'Exists' }] },
  );
  assert.deepEqual(desired, { bgp: { password: REDACTED_CHANGED, asNumber: 1 }, token: REDACTED, tolerations: [{ key: 'x', operator: 'Exists' }] });
  assert.deepEqual(live, { bgp: { password: REDACTED, asNumber: 1 }, token: REDACTED, tolerations: [{ key: 'x', operator: 'Exists' }] });
  assert.doesNotMatch(JSON.stringify([desired, live]), /new|old|same/);
});

test('a sensitive subtree on one side only is hidden too', () => {
  const [desired, live] = redactValuesPair({ auth: { secret: { a: 'x' } } }, {});
  assert.deepEqual(desired, { auth: { secret: REDACTED } });
  assert.deepEqual(live, {});
});
