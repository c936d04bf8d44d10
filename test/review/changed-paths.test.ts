import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { changedPaths, type ValuePath } from '../../src/util/value-paths';
import { Random } from '../support/ipam/random';

/** What changedPaths promises, written the plain way: maps key by key in byte order, anything else whole. */
function expectedPaths(before: unknown, after: unknown, at: ValuePath = []): ValuePath[] {
  const isMap = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isMap(before) || !isMap(after)) return isDeepStrictEqual(before, after) ? [] : [at];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return keys.flatMap((key) => (key in before && key in after ? expectedPaths(before[key], after[key], [...at, key]) : [[...at, key]]));
}

const LEAVES = [0, -0, 1, NaN, 'a', 'b', '1', true, null, [], [1], ['a'], {}];

function randomTree(random: Random, depth: number): unknown {
  if (depth <= 0 || random.int(0, 3) === 0) return LEAVES[random.int(0, LEAVES.length - 1)];
  const keys = ['x', 'y', 'B', 'a', 'z'].slice(0, random.int(0, 5));
  if (random.int(0, 1)) keys.reverse();
  return Object.fromEntries(keys.map((key) => [key, randomTree(random, depth - 1)]));
}

/** `tree` with a few values replaced, keys added or removed, or keys reordered. */
function changed(random: Random, tree: unknown, depth: number): unknown {
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree) || random.int(0, 5) === 0) return random.int(0, 2) ? tree : randomTree(random, depth);
  const entries = Object.entries(tree).filter(() => random.int(0, 9) > 0).map(([key, value]) => [key, changed(random, value, depth - 1)] as const);
  if (random.int(0, 4) === 0) entries.push(['new', randomTree(random, depth - 1)]);
  if (random.int(0, 4) === 0) entries.reverse();
  return Object.fromEntries(entries);
}

test('changed paths of random values trees: every map key in byte order, lists and scalars whole, -0 and NaN as isDeepStrictEqual has them', () => {
  const random = new Random(5);
  for (let round = 0; round < 3000; round++) {
    const before = randomTree(random, 4);
    const after = changed(random, before, 4);
    assert.deepEqual(changedPaths(before, after), expectedPaths(before, after), `round ${round}: ${JSON.stringify([before, after])}`);
  }
  assert.deepEqual(changedPaths({ a: { b: 1 } }, { a: { b: 2 } }, ['values']), [['values', 'a', 'b']]);
});
