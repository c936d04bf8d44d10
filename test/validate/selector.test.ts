import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_NESTING,
  formatSelector,
  matchesLabels,
  parseSelector,
  tokenize,
  type SelectorNode,
} from '../../src/core/selector';

function ast(text: string): SelectorNode {
  const result = parseSelector(text);
  assert.ok(result.ok, `${text}: ${result.ok ? '' : `${result.error.message} @${result.error.column}`}`);
  return result.ast;
}

function errorAt(text: string): { message: string; column: number } {
  const result = parseSelector(text);
  assert.ok(!result.ok, `expected ${JSON.stringify(text)} to be refused`);
  return result.error;
}

test('valid selectors from calico-rules.md §6 and the Calico test suite', () => {
  const valid = [
    'all()',
    'has(projectcalico.org/namespace)',
    'a == "b" && !has(c)',
    'a notin{}',
    "(topology.kubernetes.io/region == 'codfw' && topology.kubernetes.io/zone in {'row-a1', 'row-b2'})",
    '',
    '   \t ',
    'global()',
    "a != 'b'",
    "a in {'x', 'y',}",
    "a not in {'x'}",
    "a not  \t in {'x'}",
    "a contains 'x'",
    "a starts with 'x'",
    "a startswith 'x'",
    "a ends with 'x'",
    "a endswith'x'",
    "a in{'x'}",
    'has( a )',
    'all( )',
    "!!!a == 'b'",
    "a == '' || b == \"\"",
    'a == "it\'s"',
    "a == 'say \"hi\"'",
    "has == 'x'",
    "all == 'x'",
    "in == 'x'",
    "a.b/c-d_e == 'x'",
    "-a == 'x'",
    "((a == 'b'))",
    "a == 'b' && (c == 'd' || !has(e))",
    `${'k'.repeat(512)} == 'v'`,
    "a == 'line\nbreak inside a string is fine'",
  ];
  for (const text of valid) ast(text);
});

test('invalid selectors are refused with the column of the offending character', () => {
  const cases: Array<[string, number, RegExp]> = [
    ['a == b', 6, /quoted string/],
    ["a = 'b'", 3, /"=="/],
    ["a in ('x')", 6, /set literal/],
    ['a b', 3, /operator after label "a"/],
    ['has (a)', 5, /operator/],
    ["(a == 'b'", 10, /"\)"/],
    ["a == 'b' and c == 'd'", 14, /operator after label "and"/],
    ["kubernetes.io/hostname: == 'x'", 23, /operator/],
    ['thing=hello &', 6, /"=="/],
    ["a == 'b' &", 10, /"&&"/],
    ["a == 'b' | c == 'd'", 10, /"\|\|"/],
    ["a == 'b'\n", 9, /line break/],
    ["a == 'b'\r\n", 9, /line break/],
    ["a == 'b",  6, /unterminated/],
    ['a == "b', 6, /unterminated/],
    ['label inf', 7, /operator/],
    ["a inx {'b'}", 3, /operator/],
    ["a notinx {'b'}", 3, /operator/],
    ['has()', 5, /label name/],
    ["has('a')", 5, /label name/],
    ['has(a b)', 7, /"\)"/],
    ['all(x)', 5, /"\)"/],
    ['global(x)', 8, /"\)"/],
    ['a', 2, /end of selector/],
    ['a ==', 5, /quoted string/],
    ["a == 'b' c == 'd'", 10, /complete expression/],
    ["a == 'b')", 9, /complete expression/],
    ['!', 2, /unexpected end/],
    ['&& a', 1, /unexpected "&&"/],
    ["a in {'x' 'y'}", 11, /"}"/],
    ['a in {,}', 7, /"}"/],
    ['a in {x}', 7, /"}"/],
    ["a in 'x'", 6, /set literal/],
    ["a == 1", 6, /quoted string/],
    ["a < 'b'", 3, /operator/],
    ["a NOT IN {'b'}", 3, /operator/],
    ["a == 'b' AND c == 'd'", 14, /operator after label "AND"/],
    ['a=b,c=d', 2, /"=="/],
    ["a == 'x' \\", 10, /unexpected character "\\\\"/],
    ['a == \'b\' && ()', 14, /unexpected "\)"/],
    [`${'k'.repeat(513)} == 'v'`, 513, /longer than 512/],
    [`has(${'k'.repeat(513)})`, 517, /longer than 512/],
    ["zone == 'é' && é", 16, /unexpected character "é"/],
  ];
  for (const [text, column, message] of cases) {
    const error = errorAt(text);
    assert.equal(error.column, column, `${JSON.stringify(text)}: ${error.message}`);
    assert.match(error.message, message, JSON.stringify(text));
  }
});

test('the AST has Calico precedence: || < && < !', () => {
  assert.deepEqual(ast("a == 'x' || b == 'y' && !has(c)"), {
    kind: 'or',
    operands: [
      { kind: 'compare', op: '==', label: 'a', value: 'x' },
      {
        kind: 'and',
        operands: [
          { kind: 'compare', op: '==', label: 'b', value: 'y' },
          { kind: 'not', operand: { kind: 'has', label: 'c' } },
        ],
      },
    ],
  });
  assert.deepEqual(ast("!a == 'b'"), { kind: 'not', operand: { kind: 'compare', op: '==', label: 'a', value: 'b' } });
  assert.deepEqual(ast("!!a == 'b'"), { kind: 'compare', op: '==', label: 'a', value: 'b' });
  assert.deepEqual(ast(''), { kind: 'all' });
  assert.deepEqual(ast("a notin {'x', 'y'}"), { kind: 'set', op: 'not in', label: 'a', values: ['x', 'y'] });
});

test('tokens carry positions', () => {
  const result = tokenize("a  ==\t'b'");
  assert.ok(result.ok);
  assert.deepEqual(
    result.tokens.map((t) => [t.kind, t.value, t.start]),
    [
      ['label', 'a', 0],
      ['==', '', 3],
      ['string', 'b', 6],
      ['eof', '', 9],
    ],
  );
});

test('formatSelector prints Calico normal form that parses back to the same AST', () => {
  for (const text of ["a=='b'&&b in{'x','y'}", "!(a startswith 'x' || has(b))", 'a == \'say "hi"\'', "a notin{}"]) {
    const tree = ast(text);
    assert.deepEqual(ast(formatSelector(tree)), tree);
  }
  assert.equal(formatSelector(ast("a=='b'&&b in{'x','y'}")), '(a == "b" && b in {"x", "y"})');
});

test('matchesLabels follows Calico semantics', () => {
  const node = { 'kubernetes.io/hostname': 'worker-1', zone: 'row-a1', rack: 'a1-r12' };
  const cases: Array<[string, boolean]> = [
    ['', true],
    ['all()', true],
    ['global()', true],
    ['has(zone)', true],
    ['has(region)', false],
    ["zone == 'row-a1'", true],
    ["zone == 'row-a2'", false],
    ["region == 'x'", false],
    ["zone != 'row-a2'", true],
    ["region != 'x'", true],
    ["zone in {'row-a1', 'row-b1'}", true],
    ["region in {'x'}", false],
    ["zone not in {'row-a1'}", false],
    ["region not in {'x'}", true],
    ["rack contains 'r12'", true],
    ["region contains ''", false],
    ["rack starts with 'a1-'", true],
    ["rack ends with 'r12'", true],
    ["rack ends with 'r1'", false],
    ["!has(region) && zone == 'row-a1'", true],
    ["region == 'x' || zone == 'row-a1'", true],
    ["!(zone == 'row-a1')", false],
    ["zone in {}", false],
    ["zone not in {}", true],
  ];
  for (const [selector, expected] of cases) {
    assert.equal(matchesLabels(ast(selector), node), expected, selector);
    assert.equal(matchesLabels(ast(selector), new Map(Object.entries(node))), expected, `${selector} (Map)`);
  }
  assert.equal(matchesLabels(ast('has(constructor)'), {}), false, 'inherited properties are not labels');
});

test('nesting deeper than the limit is refused instead of overflowing the stack', () => {
  const ok = `${'('.repeat(MAX_NESTING)}a == 'b'${')'.repeat(MAX_NESTING)}`;
  ast(ok);
  const deep = `${'('.repeat(100000)}a == 'b'${')'.repeat(100000)}`;
  assert.match(errorAt(deep).message, /nested deeper/);
  assert.match(errorAt('!'.repeat(100000)).message, /unexpected end/);
});

test('non-string input is refused, not thrown', () => {
  const result = parseSelector(42 as unknown as string);
  assert.equal(result.ok, false);
});
