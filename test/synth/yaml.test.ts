import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { parse } from 'yaml';
import { load } from 'js-yaml';
import { needsQuotes, toYaml, toYamlLines, toYamlLinesPair } from '../../src/render/yaml';
import { Random } from '../support/ipam/random';

/** Helm reads YAML 1.1; other tools 1.2: both must read back exactly what was written. */
function assertRoundTrip(value: unknown): void {
  const text = toYaml(value);
  assert.deepEqual(parse(text, { version: '1.1' }), value, `YAML 1.1:\n${text}`);
  assert.deepEqual(parse(text, { version: '1.2' }), value, `YAML 1.2:\n${text}`);
  assert.deepEqual(load(text), value, `js-yaml:\n${text}`);
}

test('strings YAML 1.1 would read as something else are quoted', () => {
  for (const text of ['65000:14', '1:20', 'yes', 'on', 'Off', 'y', 'N', '~', 'null', '', '0', '0x1F', '1e3', '3.30.7', '2001-01-01', '.inf', '2001-12-14t21:59:43.10-05:00', '...']) {
    assert.ok(needsQuotes(text), text);
  }
});

test('ordinary values stay plain: CIDRs, selectors, quantities, names', () => {
  for (const text of ['10.64.0.0/17', '2001:db8:a00:c000::/64', "(topology.kubernetes.io/region == 'ams')", '700m', '1.5Gi', 'calico/node', 'IfNotPresent']) {
    assert.ok(!needsQuotes(text), text);
  }
});

test('block style with nested maps and lists, in insertion order', () => {
  const text = toYaml({ b: 1, a: { list: [{ x: 'y1', z: [] }, 'plain'], empty: {} }, c: null, d: '65000:14' });
  assert.equal(text, 'b: 1\na:\n  list:\n    - x: y1\n      z: []\n    - plain\n  empty: {}\nc: null\nd: "65000:14"\n');
});

test('the real shapes round-trip', () => {
  assertRoundTrip({
    GenericBGPCommunity: '65000:14',
    BGPPeers: { 'cr1-ams': { ipv4: '192.0.2.1', ipv6: '2001:db8::1', nodeSelector: "a in {'x', 'y'} && has(b)" } },
    resources: { limits: { memory: null, cpu: '150m' } },
    veth_mtu: '0',
    nested: [[1, 2], [], [{}], { 'key with: colon': 'v #not a comment' }],
  });
});

const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ unit: 'binary' }),
    fc.constantFrom('yes', 'No', '0o17', '1_000', '12:30:45', '- a', '? b', ': c', '#d', '&e', '*f', '!g', '|h', '>i', "'j", '"k', '%l', '@m', '`n', 'o: p', 'q #r', 's:', ' t', 'u ', '\tv', 'w\nx'),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    // __proto__ as a key is a JavaScript quirk, not a YAML one: parsers differ on it
    fc.dictionary(fc.string({ unit: 'binary' }).filter((k) => k !== '__proto__'), tie('value'), { maxKeys: 4, noNullPrototype: true }),
  ),
})).value;

test('property: any JSON value reads back identically under YAML 1.1, YAML 1.2 and js-yaml', () => {
  fc.assert(fc.property(jsonValue, (value) => assertRoundTrip(value)), { numRuns: 2000 });
});

test('two values written together are each written as alone, on random values that share parts, differ in parts, or list keys in another order', () => {
  const random = new Random(11);
  const leaves = [0, 1, 'a', 'yes', 'two words', '', null, true, [], {}, ['x', { y: 1 }]];
  // (a key without a value is left out; in a list, the emitter expects a map to keep a key)
  const tree = (depth: number, inList = false): unknown => {
    if (depth <= 0 || random.int(0, 3) === 0) return leaves[random.int(0, leaves.length - 1)];
    if (random.int(0, 5) === 0) return Array.from({ length: random.int(1, 3) }, () => tree(depth - 1, true));
    const keys = ['b', 'a', 'c', 'd'].filter(() => random.int(0, 3) > 0);
    return Object.fromEntries(keys.map((key) => [key, !inList && random.int(0, 7) === 0 ? undefined : tree(depth - 1)]));
  };
  const changed = (value: unknown, depth: number): unknown => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return random.int(0, 3) ? value : tree(depth);
    const entries = Object.entries(value).map(([key, item]) => [key, random.int(0, 2) ? changed(item, depth - 1) : item] as const);
    if (random.int(0, 5) === 0) entries.reverse();
    return Object.fromEntries(entries);
  };
  for (let round = 0; round < 3000; round++) {
    const before = tree(4);
    const after = random.int(0, 9) === 0 ? tree(4) : changed(before, 4);
    assert.deepEqual(toYamlLinesPair(before, after), [toYamlLines(before), toYamlLines(after)], `round ${round}: ${JSON.stringify([before, after])}`);
    assert.equal(toYamlLines(after).join('\n') + '\n', toYaml(after));
  }
});

test('keys holding undefined are not written, even when they are all a map has (a list item of them is `{}`), as JSON drops them', () => {
  const values = { tolerations: [{ key: undefined }, { key: 'a', value: undefined }], nodeSelector: { zone: undefined }, list: [undefined] };
  const text = toYaml(values);
  assert.equal(text, 'tolerations:\n  - {}\n  - key: a\nnodeSelector: {}\nlist:\n  - null\n');
  assert.deepEqual(parse(text), JSON.parse(JSON.stringify(values)));
});
