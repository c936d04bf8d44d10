import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSensitiveKey, redactValuesPair, REDACTED, REDACTED_CHANGED } from '../../src/diff/redact';
import type { Json, JsonMap } from '../../src/diff/field-path';
import { Random } from '../support/ipam/random';

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

test('one shared (frozen) value on both sides is redacted as two equal ones, every time it is met', () => {
  const text = JSON.stringify({ peers: [{ name: 'cr1', password: 'hunter2', url: 'https://robot:s3cret@mirror.example.org/x' }] });
  const frozen = (value: unknown): unknown => {
    if (typeof value === 'object' && value !== null) Object.values(value).forEach(frozen);
    return Object.freeze(value);
  };
  const shared = frozen(JSON.parse(text)) as Json;
  const expected = redactValuesPair(JSON.parse(text) as Json, JSON.parse(text) as Json);
  for (let i = 0; i < 2; i++) {
    const [desired, live] = redactValuesPair({ bgp: shared }, { bgp: shared });
    assert.deepEqual(desired, { bgp: expected[0] });
    assert.deepEqual(live, { bgp: expected[1] });
    assert.doesNotMatch(JSON.stringify([desired, live]), /hunter2|s3cret/);
  }
  // a string first met with no secret in it, then one with: each judged on its own
  assert.deepEqual(redactValuesPair({ url: 'https://mirror.example.org/x' }, {})[0], { url: 'https://mirror.example.org/x' });
  assert.deepEqual(redactValuesPair({ url: 'https://robot:pw@mirror.example.org/x' }, {})[0], { url: `https://robot:${REDACTED}@mirror.example.org/x` });
});

test('values with nothing to hide read as they are: same content and key order as a redacted copy would have', () => {
  const desired: Json = { a: 1, nested: { x: 'v', list: [1, 'Bearer-free text'] }, b: 'w' };
  const live: Json = { a: 2, nested: { x: 'v', list: [1] } };
  assert.deepEqual(redactValuesPair(desired, live), [desired, live]);
  // keys the live side shares in another order, or has before the shared ones, take the desired side's order, as always
  const [, reordered] = redactValuesPair({ a: 1, b: 2 }, { b: 3, a: 4 });
  assert.deepEqual(Object.keys(reordered as object), ['a', 'b']);
  const [, ownFirst] = redactValuesPair({ a: 1 }, { c: 3, a: 4 });
  assert.deepEqual(Object.keys(ownFirst as object), ['a', 'c']);
  // a secret anywhere still goes through redaction
  const [shown] = redactValuesPair({ a: 1, deep: { token: 'abc' } }, { a: 1, deep: { token: 'abc' } });
  assert.deepEqual(shown, { a: 1, deep: { token: REDACTED } });
});

test('values shown as they are equal, key order included, the redacted copy, on random values with keys that do and do not name secrets', () => {
  const random = new Random(7);
  const keys = ['key', 'operator', 'name', 'value', 'token', 'password', 'secretKeyRef', 'effect', 'url'];
  const leaves: Json[] = ['x', 'Exists', 'https://robot:pw@mirror.example.org/x', 1, true, null, { secretKeyRef: { name: 's', key: 'k' } }];
  const tree = (depth: number): Json => {
    if (depth === 0 || random.int(0, 3) === 0) return leaves[random.int(0, leaves.length - 1)]!;
    if (random.int(0, 4) === 0) return Array.from({ length: random.int(0, 3) }, () => tree(depth - 1));
    return Object.fromEntries(keys.filter(() => random.int(0, 2) === 0).map((key) => [key, tree(depth - 1)]));
  };
  const copied = (key: string, container: JsonMap) => isSensitiveKey(key, container);
  for (let round = 0; round < 2000; round++) {
    const desired = tree(4);
    const live = random.int(0, 2) === 0 ? desired : tree(4);
    const expected = JSON.stringify(redactValuesPair(desired, live, copied));
    assert.equal(JSON.stringify(redactValuesPair(desired, live)), expected, `round ${round}: ${JSON.stringify([desired, live])}`);
  }
  // a toleration's key is a label key: the values read as they are, and are not copied
  const values: Json = { typha: { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] } };
  const [shown] = redactValuesPair(values, { typha: {} });
  assert.equal(shown, values);
});
