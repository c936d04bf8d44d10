import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unifiedDiff, unifiedDiffOfLines } from '../../src/diff/unified';
import { Random } from '../support/ipam/random';

const text = (lines: readonly string[]) => (lines.length ? `${lines.join('\n')}\n` : '');

/** A text of `length` lines drawn from `alphabet` lines: few letters make many equal lines, where diffs can be drawn more than one way. */
function randomLines(random: Random, length: number, alphabet: number): string[] {
  return Array.from({ length }, () => `line ${random.int(0, alphabet - 1)}`);
}

/** `lines` with a few lines removed, inserted or replaced, anywhere. */
function edited(random: Random, lines: readonly string[], alphabet: number): string[] {
  const result = [...lines];
  for (let edits = random.int(1, 4); edits > 0; edits--) {
    const at = random.int(0, result.length);
    const kind = random.int(0, 2);
    const length = random.int(1, 3);
    const fresh = randomLines(random, length, alphabet + 2);
    if (kind === 0) result.splice(at, length);
    else if (kind === 1) result.splice(at, 0, ...fresh);
    else result.splice(at, length, ...fresh);
  }
  return result;
}

test('the diff of two texts given as lines is the diff of the texts, on random edits of texts with many equal lines', () => {
  const random = new Random(13);
  for (let round = 0; round < 3000; round++) {
    const alphabet = random.int(1, 6);
    const before = randomLines(random, random.int(0, 40), alphabet);
    const after = random.int(0, 9) === 0 ? randomLines(random, random.int(0, 40), alphabet) : edited(random, before, alphabet);
    const expected = unifiedDiff('a/x', 'b/x', text(before), text(after));
    assert.equal(unifiedDiffOfLines('a/x', 'b/x', before, after), expected, `round ${round}: ${JSON.stringify([before, after])}`);
  }
});

test('the diff of lines: changes far apart make hunks of their own, numbered in both texts; no change is headers only', () => {
  const before = Array.from({ length: 30 }, (_, i) => `key${i}: ${i}`);
  const after = before.map((line, i) => (i === 2 || i === 25 ? `${line}0` : line));
  const diff = unifiedDiffOfLines('a/values.yaml', 'b/values.yaml', before, after);
  assert.match(diff, /^--- a\/values\.yaml\n\+\+\+ b\/values\.yaml\n@@ -1,6 \+1,6 @@\n/);
  assert.match(diff, /\n@@ -23,7 \+23,7 @@\n key22: 22\n/);
  assert.equal(diff, unifiedDiff('a/values.yaml', 'b/values.yaml', text(before), text(after)));
  assert.equal(unifiedDiffOfLines('a/x', 'b/x', before, before), '--- a/x\n+++ b/x\n');
  assert.equal(unifiedDiffOfLines('/dev/null', 'b/x', [], ['a: 1']), unifiedDiff('/dev/null', 'b/x', '', 'a: 1\n'));
});
