import { test } from 'node:test';
import assert from 'node:assert/strict';
import { objectRules } from '../../../src/validate/rules/objects';
import { obj } from '../helpers';
import { ruleCases } from './cases';

const JSON_POINTER = /^(\/([^~/]|~[01])*)*$/;

test('every object rule has trigger and pass cases', () => {
  const missing = objectRules.map((r) => r.id).filter((id) => !ruleCases[id]);
  assert.deepEqual(missing, []);
  const unknown = Object.keys(ruleCases).filter((id) => !objectRules.some((r) => r.id === id));
  assert.deepEqual(unknown, []);
});

test('rule ids are unique kebab-case with a one-line description', () => {
  const ids = objectRules.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const rule of objectRules) {
    assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, rule.id);
    assert.ok(rule.description.length > 10 && !rule.description.includes('\n'), rule.id);
    assert.equal(rule.scope, 'object');
    assert.ok(rule.kinds.length > 0, rule.id);
  }
});

for (const rule of objectRules) {
  const cases = ruleCases[rule.id];
  if (!cases) continue;

  test(`${rule.id}: the README example triggers it at ${rule.severity}`, () => {
    const hits = rule.check(obj(cases.example));
    assert.ok(
      hits.some((h) => (h.severity ?? rule.severity) === rule.severity),
      `expected a ${rule.severity} hit, got ${JSON.stringify(hits)}`,
    );
    for (const h of hits) {
      assert.match(h.path, JSON_POINTER);
      assert.ok(h.message.length > 20, h.message);
      assert.doesNotMatch(h.message, /internal error/);
    }
  });

  for (const [i, yaml] of (cases.triggers ?? []).entries()) {
    test(`${rule.id}: trigger #${i + 1}`, () => {
      const hits = rule.check(obj(yaml));
      assert.ok(hits.length > 0, `no hit for ${yaml}`);
      assert.ok(hits.every((h) => !h.message.includes('internal error')), JSON.stringify(hits));
    });
  }

  for (const [i, yaml] of cases.passes.entries()) {
    test(`${rule.id}: pass #${i + 1}`, () => {
      assert.deepEqual(rule.check(obj(yaml)), [], yaml);
    });
  }
}
