/**
 * IP address and CIDR helpers that accept exactly what Go's `net.ParseIP` / `net.ParseCIDR` accept
 * (the parsers Calico and kube-apiserver use), plus the arithmetic the pool rules need.
 *
 * Parsing is our own: ipaddr.js is lenient where Go is strict (zones, leading zeros in an embedded
 * IPv4, octal/hex IPv4 forms) and reads `::1.2.3.4` as an IPv4-mapped address. ipaddr.js is used for
 * the RFC 5952 text form, which is what Go prints.
 */
import ipaddr from 'ipaddr.js';
import { memoiseByString } from '../util/memo';

export type IpFamily = 4 | 6;

export interface IpAddress {
  readonly family: IpFamily;
  /** the address as an unsigned integer of 32 (IPv4) or 128 (IPv6) bits */
  readonly value: bigint;
}

export interface Cidr {
  readonly family: IpFamily;
  /** the address as written, host bits included */
  readonly address: bigint;
  readonly prefix: number;
  /** the address with its host bits cleared */
  readonly network: bigint;
}

export type NetParse<T> = { ok: true; value: T } | { ok: false; reason: string };

export function familyBits(family: IpFamily): 32 | 128 {
  return family === 4 ? 32 : 128;
}

// ---------------------------------------------------------------------------------------------
// Addresses

/** Go `net.ParseIP`: dotted-quad IPv4 without leading zeros, or IPv6 (optionally ending in an
 * embedded IPv4); zones (`%eth0`) are refused. */
export const parseIp = memoiseByString(parseIpUncached);

function parseIpUncached(text: string): NetParse<IpAddress> {
  for (const ch of text) {
    if (ch === '.') return wrapV4(parseIpv4Bytes(text));
    if (ch === ':') return parseIpv6(text);
    if (ch === '%') return fail('a zone (%…) needs an IPv6 address before it');
  }
  return fail('not an IPv4 or IPv6 address');
}

function wrapV4(bytes: number[] | string): NetParse<IpAddress> {
  if (typeof bytes === 'string') return fail(bytes);
  return { ok: true, value: { family: 4, value: bytesToBigInt(bytes) } };
}

/** Four decimal fields 0–255, no leading zeros (Go refuses `010.0.0.1`). */
function parseIpv4Bytes(text: string): number[] | string {
  const fields = text.split('.');
  if (fields.length !== 4) return 'an IPv4 address has exactly four dot-separated fields';
  const bytes: number[] = [];
  for (const field of fields) {
    if (!/^[0-9]{1,3}$/.test(field)) return `IPv4 field "${field}" is not a number from 0 to 255`;
    if (field.length > 1 && field.startsWith('0')) return `IPv4 field "${field}" has a leading zero`;
    const n = Number(field);
    if (n > 255) return `IPv4 field "${field}" is greater than 255`;
    bytes.push(n);
  }
  return bytes;
}

function parseIpv6(text: string): NetParse<IpAddress> {
  if (text.includes('%')) return fail('IPv6 zones (%…) are not allowed here');
  const bytes = parseIpv6Bytes(text);
  if (typeof bytes === 'string') return fail(bytes);
  return { ok: true, value: { family: 6, value: bytesToBigInt(bytes) } };
}

/** Mirrors Go's netip IPv6 grammar: 1–4 hex digits per group, at most one `::` which must stand for
 * at least one zero group, an embedded IPv4 only as the last 32 bits. */
function parseIpv6Bytes(text: string): number[] | string {
  const groups: number[] = [];
  let ellipsis = -1;
  let rest = text;
  if (rest.startsWith('::')) {
    ellipsis = 0;
    rest = rest.slice(2);
    if (rest === '') return new Array<number>(16).fill(0);
  }
  while (groups.length < 8) {
    const digits = /^[0-9a-fA-F]*/.exec(rest)![0];
    if (rest[digits.length] === '.') {
      if (ellipsis < 0 && groups.length !== 6) return 'an embedded IPv4 address must replace the last two groups';
      if (groups.length > 6) return 'no room for an embedded IPv4 address at the end';
      const v4 = parseIpv4Bytes(rest);
      if (typeof v4 === 'string') return v4;
      groups.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      rest = '';
      break;
    }
    if (digits.length === 0) return 'each colon-separated group needs at least one hex digit';
    if (digits.length > 4) return `group "${digits}" has more than 4 hex digits`;
    groups.push(parseInt(digits, 16));
    rest = rest.slice(digits.length);
    if (rest === '') break;
    if (rest[0] !== ':') return `unexpected character "${rest[0]}"`;
    if (rest.length === 1) return 'an address may not end with a single ":"';
    rest = rest.slice(1);
    if (rest[0] === ':') {
      if (ellipsis >= 0) return '"::" may appear only once';
      ellipsis = groups.length;
      rest = rest.slice(1);
      if (rest === '') break;
    }
  }
  if (rest !== '') return 'too many groups';
  if (groups.length < 8) {
    if (ellipsis < 0) return 'too few groups (8 are needed, or "::")';
    groups.splice(ellipsis, 0, ...new Array<number>(8 - groups.length).fill(0));
  } else if (ellipsis >= 0) {
    return '"::" must stand for at least one zero group';
  }
  return groups.flatMap((g) => [g >> 8, g & 0xff]);
}

function bytesToBigInt(bytes: number[]): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}

function bigIntToBytes(value: bigint, length: number): number[] {
  const bytes: number[] = new Array<number>(length);
  let v = value;
  for (let i = length - 1; i >= 0; i--) {
    bytes[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return bytes;
}

/** Go's text form: dotted quad, or RFC 5952 (lower case, longest zero run compressed). */
export function formatIp(ip: IpAddress): string {
  // parseIp hands out one object per text, so most addresses are known by identity: no BigInt is printed for the key
  let text = formattedIps.get(ip);
  if (text === undefined) {
    text = formatIpByKey(`${ip.family}/${ip.value}`);
    formattedIps.set(ip, text);
  }
  return text;
}

const formattedIps = new WeakMap<IpAddress, string>();

const formatIpByKey = memoiseByString((key) => {
  const [family, value] = key.split('/');
  return formatIpUncached({ family: Number(family) as IpFamily, value: BigInt(value!) });
});

function formatIpUncached(ip: IpAddress): string {
  if (ip.family === 4) return bigIntToBytes(ip.value, 4).join('.');
  if (isIpv4Mapped(ip)) return `::ffff:${bigIntToBytes(ip.value & 0xffffffffn, 4).join('.')}`;
  const bytes = bigIntToBytes(ip.value, 16);
  const parts: number[] = [];
  for (let i = 0; i < 16; i += 2) parts.push((bytes[i] << 8) | bytes[i + 1]);
  return new ipaddr.IPv6(parts).toRFC5952String();
}

/** `::ffff:a.b.c.d` — Go's `To4()` treats these as IPv4, which Calico relies on for `Version()`. */
export function isIpv4Mapped(ip: IpAddress): boolean {
  return ip.family === 6 && ip.value >> 32n === 0xffffn;
}

/** The IP version Calico reports (`To4() != nil`): an IPv4-mapped IPv6 address counts as 4. */
export function ipVersion(ip: IpAddress): IpFamily {
  return isIpv4Mapped(ip) ? 4 : ip.family;
}

// ---------------------------------------------------------------------------------------------
// CIDRs

/** Go `net.ParseCIDR`: `<address>/<decimal prefix length>`, the `/len` is required. */
export const parseCidr = memoiseByString(parseCidrUncached);

function parseCidrUncached(text: string): NetParse<Cidr> {
  const slash = text.indexOf('/');
  if (slash < 0) return fail('missing "/<prefix length>"');
  const ip = parseIp(text.slice(0, slash));
  if (!ip.ok) return ip;
  const prefixText = text.slice(slash + 1);
  // Go's dtoi: decimal digits only, leading zeros tolerated (`/08` is read as /8).
  if (!/^[0-9]+$/.test(prefixText)) return fail(`prefix length "${prefixText}" is not a decimal number`);
  const prefix = Number(prefixText);
  const bits = familyBits(ip.value.family);
  if (prefix > bits) return fail(`prefix length /${prefixText} is longer than ${bits} bits`);
  return { ok: true, value: makeCidr(ip.value.family, ip.value.value, prefix) };
}

/** Calico's `ParseCIDROrIP`: a CIDR, or a bare address read as a /32 or /128. */
export function parseCidrOrIp(text: string): NetParse<Cidr> {
  if (text.includes('/')) return parseCidr(text);
  const ip = parseIp(text);
  if (!ip.ok) return ip;
  return { ok: true, value: makeCidr(ip.value.family, ip.value.value, familyBits(ip.value.family)) };
}

export function makeCidr(family: IpFamily, address: bigint, prefix: number): Cidr {
  return { family, address, prefix, network: address & prefixMask(family, prefix) };
}

function prefixMask(family: IpFamily, prefix: number): bigint {
  // every containment test needs one: made once per family and length instead of with four BigInt operations each time
  const masks = family === 4 ? IPV4_MASKS : IPV6_MASKS;
  return masks[prefix] ?? computeMask(family, prefix);
}

function computeMask(family: IpFamily, prefix: number): bigint {
  const bits = BigInt(familyBits(family));
  const hostBits = bits - BigInt(prefix);
  return ((1n << bits) - 1n) ^ ((1n << hostBits) - 1n);
}

const masksOf = (family: IpFamily) => Array.from({ length: familyBits(family) + 1 }, (_, prefix) => computeMask(family, prefix));
const IPV4_MASKS: readonly bigint[] = masksOf(4);
const IPV6_MASKS: readonly bigint[] = masksOf(6);

/** No host bits set: `10.0.0.0/24` yes, `10.0.0.1/24` no. */
export function isStrictlyMasked(cidr: Cidr): boolean {
  return cidr.address === cidr.network;
}

/** The network form Go prints for a parsed CIDR (`2001:DB8:0::/48` → `2001:db8::/48`). */
export function formatCidr(cidr: Cidr): string {
  // parseCidr hands out one object per text, like parseIp
  let text = formattedCidrs.get(cidr);
  if (text === undefined) {
    text = `${formatIpByKey(`${cidr.family}/${cidr.network}`)}/${cidr.prefix}`;
    formattedCidrs.set(cidr, text);
  }
  return text;
}

const formattedCidrs = new WeakMap<Cidr, string>();

export function cidrSize(cidr: Cidr): bigint {
  return 1n << BigInt(familyBits(cidr.family) - cidr.prefix);
}

export function cidrFirst(cidr: Cidr): bigint {
  return cidr.network;
}

export function cidrLast(cidr: Cidr): bigint {
  return cidr.network + cidrSize(cidr) - 1n;
}

/** Whether `inner` lies entirely inside `outer` (same family only). */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return outer.family === inner.family && outer.prefix <= inner.prefix && cidrContainsValue(outer, inner.network);
}

export function cidrContainsIp(cidr: Cidr, ip: IpAddress): boolean {
  return cidr.family === ip.family && cidrContainsValue(cidr, ip.value);
}

function cidrContainsValue(cidr: Cidr, value: bigint): boolean {
  return (value & prefixMask(cidr.family, cidr.prefix)) === cidr.network;
}

/** Two prefixes overlap exactly when one contains the other. */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return cidrContains(a, b) || cidrContains(b, a);
}

export const LINK_LOCAL_V4: Cidr = makeCidr(4, 0xa9fe0000n, 16);
export const LINK_LOCAL_V6: Cidr = makeCidr(6, 0xfe80n << 112n, 10);

export function linkLocalRange(family: IpFamily): Cidr {
  return family === 4 ? LINK_LOCAL_V4 : LINK_LOCAL_V6;
}

function fail<T>(reason: string): NetParse<T> {
  return { ok: false, reason };
}

/**
 * An IP address or CIDR in canonical form, as Calico stores it (Go's net.IP String(), a CIDR as
 * its network); text that is neither is returned as written. Go-exact: `010.0.0.1` is refused,
 * not read as octal.
 */
export function canonicalAddress(text: string): string {
  if (text.includes('/')) {
    const cidr = parseCidr(text);
    return cidr.ok ? formatCidr(cidr.value) : text;
  }
  const ip = parseIp(text);
  return ip.ok ? formatIp(ip.value) : text;
}

/** Whether two CIDRs, as text, share any address (an IPv4 and an IPv6 CIDR never do). */
export function cidrTextsOverlap(a: string, b: string): boolean {
  const [first, second] = [parseCidr(a), parseCidr(b)];
  return first.ok && second.ok && first.value.family === second.value.family && cidrsOverlap(first.value, second.value);
}
