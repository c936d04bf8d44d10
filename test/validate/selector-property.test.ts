import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatSelector, matchesLabels, parseSelector, type SelectorNode } from '../../src/core/selector';

const label = fc.stringMatching(/^[a-z][a-z0-9./_-]{0,12}$/).filter((l) => !/^(has|all|global)$/.test(l));
const value = fc.string({ unit: fc.constantFrom(...'abc xyz-_.:/"\''.split('')), maxLength: 8 }).filter(
  (v) => !(v.includes('"') && v.includes("'")),
);

const selectorTree: fc.Arbitrary<SelectorNode> = fc.letrec<{ node: SelectorNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant<SelectorNode>({ kind: 'all' }),
    fc.constant<SelectorNode>({ kind: 'global' }),
    label.map((l): SelectorNode => ({ kind: 'has', label: l })),
    fc
      .record({ op: fc.constantFrom('==', '!=', 'contains', 'starts with', 'ends with' as const), label, value })
      .map((r): SelectorNode => ({ kind: 'compare', ...r })),
    fc
      .record({ op: fc.constantFrom('in', 'not in' as const), label, values: fc.array(value, { maxLength: 3 }) })
      .map((r): SelectorNode => ({ kind: 'set', ...r })),
    tie('node').map((operand): SelectorNode => ({ kind: 'not', operand })),
    fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((operands): SelectorNode => ({ kind: 'and', operands })),
    fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((operands): SelectorNode => ({ kind: 'or', operands })),
  ),
})).node;

/** What the parser yields for a printed tree: `!!x` collapses to `x`. */
function normalise(node: SelectorNode): SelectorNode {
  switch (node.kind) {
    case 'not': {
      const inner = normalise(node.operand);
      return inner.kind === 'not' ? inner.operand : { kind: 'not', operand: inner };
    }
    case 'and':
    case 'or':
      return { kind: node.kind, operands: node.operands.map(normalise) };
    default:
      return node;
  }
}

test('the parser never throws, whatever the input', () => {
  const selectorish = fc.string({
    unit: fc.constantFrom(...'ab =!&|(){},\'" \t\nhasllgobinotcontainsstartswithendswith./-_é1'.split('')),
    maxLength: 40,
  });
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), selectorish), (text) => {
      const result = parseSelector(text);
      if (!result.ok) {
        assert.ok(result.error.column >= 1 && result.error.column <= Array.from(text).length + 1);
        assert.ok(result.error.message.length > 0);
      }
    }),
    { numRuns: 5000 },
  );
});

test('a printed selector parses back to the same tree', () => {
  fc.assert(
    fc.property(selectorTree, (tree) => {
      const result = parseSelector(formatSelector(tree));
      assert.ok(result.ok, formatSelector(tree));
      assert.deepEqual(result.ast, normalise(tree));
    }),
    { numRuns: 1000 },
  );
});

test('matching a printed selector equals matching the tree, and ! inverts', () => {
  const labels = fc.dictionary(label, value, { maxKeys: 4 });
  fc.assert(
    fc.property(selectorTree, labels, (tree, set) => {
      const result = parseSelector(formatSelector(tree));
      assert.ok(result.ok);
      assert.equal(matchesLabels(result.ast, set), matchesLabels(tree, set));
      assert.equal(matchesLabels({ kind: 'not', operand: tree }, set), !matchesLabels(tree, set));
    }),
  );
});
