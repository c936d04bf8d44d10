import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalQuantity } from '../../src/core/quantity';

test('quantities that are equal get the same canonical text, as kube-apiserver writes it', () => {
  const cases: [string | number, string][] = [
    ['1Gi', '1Gi'],
    ['1024Mi', '1Gi'],
    ['1.5Gi', '1536Mi'],
    ['0.5', '500m'],
    ['1000m', '1'],
    ['0.7', '700m'],
    [2, '2'],
    ['2000000', '2M'],
    ['1e3', '1k'],
    ['512Ki', '512Ki'],
    ['0.5Ki', '512'],
    ['100Mi', '100Mi'],
    ['0', '0'],
    ['1500m', '1500m'],
    ['0.0000000001', '1n'],
  ];
  for (const [input, canonical] of cases) assert.equal(canonicalQuantity(input), canonical, `${input}`);
});

test('different quantities stay different', () => {
  assert.notEqual(canonicalQuantity('1Gi'), canonicalQuantity('1G'));
  assert.notEqual(canonicalQuantity('150m'), canonicalQuantity('0.15Ki'));
});

test('text that is not a quantity is left as written', () => {
  for (const input of ['lots', '1.2.3', '5 Gi', '']) assert.equal(canonicalQuantity(input), input);
  // an exponent nobody means is no quantity (expanding it would not end)
  assert.equal(canonicalQuantity('1e999999999'), '1e999999999');
});
