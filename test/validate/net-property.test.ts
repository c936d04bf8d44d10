import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import {
  cidrContains,
  cidrContainsIp,
  cidrsOverlap,
  formatCidr,
  formatIp,
  makeCidr,
  parseCidr,
  parseIp,
} from '../../src/core/net';

/** Small IPv4 prefixes inside 10.0.0.0/24 so the address sets can be enumerated. */
const smallPool = fc
  .record({ prefix: fc.integer({ min: 24, max: 32 }), host: fc.integer({ min: 0, max: 255 }) })
  .map(({ prefix, host }) => makeCidr(4, 0x0a000000n + BigInt(host), prefix));

function addresses(c: ReturnType<typeof makeCidr>): Set<bigint> {
  const out = new Set<bigint>();
  const size = 1n << BigInt(32 - c.prefix);
  for (let i = 0n; i < size; i++) out.add(c.network + i);
  return out;
}

test('overlap and containment agree with enumerating the addresses', () => {
  fc.assert(
    fc.property(smallPool, smallPool, (a, b) => {
      const setA = addresses(a);
      const setB = addresses(b);
      const shared = [...setA].some((x) => setB.has(x));
      const aHoldsB = [...setB].every((x) => setA.has(x));
      assert.equal(cidrsOverlap(a, b), shared);
      assert.equal(cidrContains(a, b), aHoldsB);
    }),
    { numRuns: 2000 },
  );
});

test('cidrContainsIp agrees with enumeration', () => {
  fc.assert(
    fc.property(smallPool, fc.integer({ min: 0, max: 511 }), (pool, offset) => {
      const value = 0x0a000000n + BigInt(offset);
      assert.equal(cidrContainsIp(pool, { family: 4, value }), addresses(pool).has(value));
    }),
  );
});

const ipv6Parts = fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 });

test('IPv6 formatting round-trips and matches ipaddr.js RFC 5952 output', () => {
  fc.assert(
    fc.property(ipv6Parts, (parts) => {
      const ip = new ipaddr.IPv6(parts);
      const expected = parts.reduce((acc, part) => (acc << 16n) | BigInt(part), 0n);
      for (const text of [ip.toNormalizedString(), ip.toString(), ip.toRFC5952String().toUpperCase()]) {
        const parsed = parseIp(text);
        assert.ok(parsed.ok, text);
        assert.equal(parsed.value.value, expected);
        if (!ip.isIPv4MappedAddress()) assert.equal(formatIp(parsed.value), ip.toRFC5952String());
      }
    }),
  );
});

test('IPv4 text round-trips', () => {
  fc.assert(
    fc.property(fc.ipV4(), (text) => {
      const parsed = parseIp(text);
      assert.ok(parsed.ok, text);
      assert.equal(formatIp(parsed.value), text);
    }),
  );
});

test('a formatted CIDR parses back to the same network', () => {
  fc.assert(
    fc.property(fc.oneof(fc.ipV4(), fc.ipV6()), fc.integer({ min: 0, max: 128 }), (address, prefix) => {
      const parsed = parseCidr(`${address}/${prefix}`);
      if (!parsed.ok) return; // IPv4 prefix > 32, or fast-check forms Go refuses
      const again = parseCidr(formatCidr(parsed.value));
      assert.ok(again.ok);
      assert.equal(again.value.network, parsed.value.network);
      assert.equal(again.value.prefix, parsed.value.prefix);
    }),
  );
});

test('the parsers never throw', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF:.%/[] x-'.split('')) }), (text) => {
      parseIp(text);
      parseCidr(text);
    }),
    { numRuns: 5000 },
  );
});
