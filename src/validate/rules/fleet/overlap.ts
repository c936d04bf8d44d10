/**
 * Overlapping CIDRs by one sort and one sweep, O(n log n + pairs): any two prefixes are either
 * nested or disjoint, so the ranges still open at a given start form a chain of nested ranges (a
 * stack), and every range on that stack contains the next one. All-pairs would be O(n²): a fleet of
 * 10,000 pools is 50 million comparisons.
 */
import type { Cidr } from '../../../core/net';
import { cidrFirst, cidrLast, parseCidr } from '../../../core/net';

export interface AddressRange {
  family: 4 | 6;
  start: bigint;
  end: bigint;
}

export function rangeOf(cidr: Cidr): AddressRange {
  return { family: cidr.family, start: cidrFirst(cidr), end: cidrLast(cidr) };
}

/** Index pairs [i, j] (i < j) of the ranges that overlap, sorted. The ranges must be CIDRs. */
export function overlappingPairs(input: readonly (Cidr | AddressRange)[]): Array<[number, number]> {
  const ranges = input.map((item) => ('prefix' in item ? rangeOf(item) : item));
  const order = ranges.map((_, i) => i);
  order.sort((a, b) => {
    const [x, y] = [ranges[a]!, ranges[b]!];
    // the larger of two ranges with one start opens first
    return x.family - y.family || compareBig(x.start, y.start) || compareBig(y.end, x.end) || a - b;
  });
  const pairs: Array<[number, number]> = [];
  const open: number[] = [];
  for (const current of order) {
    const range = ranges[current]!;
    while (open.length > 0) {
      const top = ranges[open[open.length - 1]!]!;
      if (top.family === range.family && top.end >= range.start) break;
      open.pop();
    }
    for (const container of open) pairs.push(container < current ? [container, current] : [current, container]);
    open.push(current);
  }
  return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

function compareBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The range of a CIDR in the canonical form fleet facts carry (`10.64.0.0/17`, `2001:db8::/64`),
 * read with one BigInt per address instead of one per byte: a large fleet's pools must check
 * quickly (bench/ times the rule), and parsing dominated. Anything unusual goes through the full parser.
 */
export function rangeOfCanonical(text: string): AddressRange | undefined {
  const slash = text.indexOf('/');
  const prefix = slash > 0 ? decimal(text, slash + 1, text.length) : -1;
  const address = text.indexOf(':') >= 0 ? ipv6Value(text, slash) : ipv4Value(text, slash);
  if (address !== undefined && prefix >= 0 && prefix <= (text.indexOf(':') >= 0 ? 128 : 32)) return span(text.indexOf(':') >= 0 ? 6 : 4, address, prefix);
  const parsed = parseCidr(text);
  return parsed.ok ? rangeOf(parsed.value) : undefined;
}

/** Digits only, no leading zero, at most three; -1 otherwise. */
function decimal(text: string, from: number, to: number): number {
  if (to <= from || to - from > 3 || (to - from > 1 && text.charCodeAt(from) === 48)) return -1;
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function ipv4Value(text: string, end: number): bigint | undefined {
  let value = 0;
  let from = 0;
  for (let field = 0; field < 4; field++) {
    const dot = field < 3 ? text.indexOf('.', from) : end;
    if (dot < 0 || dot > end) return undefined;
    const byte = decimal(text, from, dot);
    if (byte < 0 || byte > 255) return undefined;
    value = value * 256 + byte;
    from = dot + 1;
  }
  return BigInt(value);
}

/** Lower-case RFC 5952 text (no embedded IPv4): hex groups and at most one `::`. */
function ipv6Value(text: string, end: number): bigint | undefined {
  const groups: number[] = [];
  let gap = -1;
  let i = 0;
  if (text.startsWith('::')) {
    gap = 0;
    i = 2;
  }
  while (i < end) {
    let value = 0;
    let digits = 0;
    for (; i < end && digits <= 4; i++, digits++) {
      const c = text.charCodeAt(i);
      const hex = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
      if (hex < 0) break;
      value = value * 16 + hex;
    }
    if (digits === 0 || digits > 4) return undefined;
    groups.push(value);
    if (i === end) break;
    if (text.charCodeAt(i) !== 58) return undefined;
    i++;
    if (text.charCodeAt(i) === 58) {
      if (gap >= 0) return undefined;
      gap = groups.length;
      i++;
    } else if (i === end) {
      return undefined; // a single trailing colon
    }
  }
  if (gap < 0 ? groups.length !== 8 : groups.length > 7) return undefined;
  const full = gap < 0 ? groups : [...groups.slice(0, gap), ...new Array<number>(8 - groups.length).fill(0), ...groups.slice(gap)];
  // four exact 32-bit words (a Number holds 53 bits, not 64)
  const word = (w: number) => BigInt(full[2 * w]! * 65536 + full[2 * w + 1]!);
  return (word(0) << 96n) | (word(1) << 64n) | (word(2) << 32n) | word(3);
}

function span(family: 4 | 6, address: bigint, prefix: number): AddressRange {
  const hostBits = BigInt((family === 4 ? 32 : 128) - prefix);
  const start = (address >> hostBits) << hostBits;
  return { family, start, end: start + (1n << hostBits) - 1n };
}
