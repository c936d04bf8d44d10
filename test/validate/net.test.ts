import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  LINK_LOCAL_V4,
  LINK_LOCAL_V6,
  cidrContains,
  cidrContainsIp,
  cidrFirst,
  cidrLast,
  cidrSize,
  cidrsOverlap,
  formatCidr,
  formatIp,
  ipVersion,
  isStrictlyMasked,
  parseCidr,
  parseCidrOrIp,
  parseIp,
  type Cidr,
} from '../../src/core/net';

function cidr(text: string): Cidr {
  const parsed = parseCidr(text);
  assert.ok(parsed.ok, `${text}: ${parsed.ok ? '' : parsed.reason}`);
  return parsed.value;
}

test('parseIp accepts what Go net.ParseIP accepts', () => {
  const valid: Array<[string, string]> = [
    ['0.0.0.0', '0.0.0.0'],
    ['255.255.255.255', '255.255.255.255'],
    ['192.0.2.1', '192.0.2.1'],
    ['::', '::'],
    ['::1', '::1'],
    ['2001:DB8::1', '2001:db8::1'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['1:2:3:4:5:6:7::', '1:2:3:4:5:6:7:0'],
    ['::2:3:4:5:6:7:8', '0:2:3:4:5:6:7:8'],
    ['1:0:0:1:0:0:0:1', '1:0:0:1::1'],
    ['::ffff:192.0.2.1', '::ffff:192.0.2.1'],
    ['::1.2.3.4', '::102:304'],
    ['1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5:6:102:304'],
    ['1::1.2.3.4', '1::102:304'],
  ];
  for (const [text, formatted] of valid) {
    const ip = parseIp(text);
    assert.ok(ip.ok, text);
    assert.equal(formatIp(ip.value), formatted, text);
  }
});

test('parseIp refuses what Go refuses', () => {
  const invalid = [
    '',
    '1.2.3',
    '1.2.3.4.5',
    '256.0.0.1',
    '010.0.0.1',
    '1.2.3.04',
    '0x7f.0.0.1',
    '1.2.3.4 ',
    ' 1.2.3.4',
    'fe80::1%eth0',
    '%eth0',
    ':::',
    '1::2::3',
    ':1::2',
    '1::2:',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7:8::',
    '::1:2:3:4:5:6:7:8',
    '1::2:3:4:5:6:7:8',
    '12345::',
    '1:2:3:4:5:6:7:1.2.3.4',
    '1:2:3:4:5:1.2.3.4',
    '::1.2.3',
    '::01.2.3.4',
    '1.2.3.4::',
    '[::1]',
    'g::1',
    'localhost',
  ];
  for (const text of invalid) assert.equal(parseIp(text).ok, false, JSON.stringify(text));
});

test('parseCidr needs /len, allows leading zeros in the length, refuses too-long prefixes', () => {
  assert.equal(parseCidr('10.0.0.0').ok, false);
  assert.equal(parseCidr('10.0.0.0/').ok, false);
  assert.equal(parseCidr('10.0.0.0/33').ok, false);
  assert.equal(parseCidr('2001:db8::/129').ok, false);
  assert.equal(parseCidr('10.0.0.0/+8').ok, false);
  assert.equal(parseCidr('10.0.0.0/8/8').ok, false);
  assert.equal(parseCidr('fe80::%eth0/64').ok, false);
  assert.equal(cidr('10.0.0.0/08').prefix, 8);
  assert.equal(cidr('0.0.0.0/0').prefix, 0);
  assert.equal(cidr('::/0').family, 6);
});

test('parseCidrOrIp reads a bare address as a host route', () => {
  const host = parseCidrOrIp('192.0.2.1');
  assert.ok(host.ok);
  assert.equal(formatCidr(host.value), '192.0.2.1/32');
  const host6 = parseCidrOrIp('2001:db8::1');
  assert.ok(host6.ok);
  assert.equal(formatCidr(host6.value), '2001:db8::1/128');
  assert.equal(parseCidrOrIp('bad').ok, false);
});

test('strict masking and canonical form', () => {
  assert.equal(isStrictlyMasked(cidr('10.0.0.0/24')), true);
  assert.equal(isStrictlyMasked(cidr('10.0.0.1/24')), false);
  assert.equal(isStrictlyMasked(cidr('10.0.0.1/32')), true);
  assert.equal(formatCidr(cidr('10.194.128.1/17')), '10.194.128.0/17');
  assert.equal(formatCidr(cidr('2001:DB8:0::/48')), '2001:db8::/48');
  assert.equal(formatCidr(cidr('2001:db8:0:0:1:0:0:0/80')), '2001:db8:0:0:1::/80');
});

test('sizes, bounds, containment and overlap', () => {
  const pool = cidr('10.0.0.0/16');
  assert.equal(cidrSize(pool), 65536n);
  assert.equal(cidrSize(cidr('2001:db8::/64')), 1n << 64n);
  assert.equal(cidrFirst(pool), 0x0a000000n);
  assert.equal(cidrLast(pool), 0x0a00ffffn);
  assert.equal(cidrContains(pool, cidr('10.0.5.0/24')), true);
  assert.equal(cidrContains(cidr('10.0.5.0/24'), pool), false);
  assert.equal(cidrContains(pool, pool), true);
  assert.equal(cidrsOverlap(pool, cidr('10.0.255.0/24')), true);
  assert.equal(cidrsOverlap(pool, cidr('10.1.0.0/16')), false);
  assert.equal(cidrsOverlap(cidr('0.0.0.0/0'), cidr('::/0')), false, 'families never overlap');
  const ip = parseIp('10.0.3.4');
  assert.ok(ip.ok);
  assert.equal(cidrContainsIp(pool, ip.value), true);
  assert.equal(cidrContainsIp(cidr('2001:db8::/32'), ip.value), false);
});

test('link-local constants and IPv4-mapped version', () => {
  assert.equal(formatCidr(LINK_LOCAL_V4), '169.254.0.0/16');
  assert.equal(formatCidr(LINK_LOCAL_V6), 'fe80::/10');
  const mapped = parseIp('::ffff:10.0.0.1');
  assert.ok(mapped.ok);
  assert.equal(mapped.value.family, 6);
  assert.equal(ipVersion(mapped.value), 4);
});
