/**
 * Overlapping CIDRs by one sort and one sweep, O(n log n + pairs): any two prefixes are either
 * nested or disjoint, so the ranges still open at a given start form a chain of nested ranges (a
 * stack), and every range on that stack contains the next one. All-pairs would be O(n²): a fleet of
 * 10,000 pools is 50 million comparisons.
 */
import type { Cidr } from '../../net';
import { cidrFirst, cidrLast } from '../../net';

/** Index pairs [i, j] (i < j) of the CIDRs that overlap, sorted. */
export function overlappingPairs(cidrs: readonly Cidr[]): Array<[number, number]> {
  const starts = cidrs.map(cidrFirst);
  const ends = cidrs.map(cidrLast);
  const order = cidrs.map((_, i) => i);
  order.sort(
    (a, b) =>
      cidrs[a]!.family - cidrs[b]!.family ||
      compareBig(starts[a]!, starts[b]!) ||
      compareBig(ends[b]!, ends[a]!) || // the larger of two ranges with one start opens first
      a - b,
  );
  const pairs: Array<[number, number]> = [];
  const open: number[] = [];
  for (const current of order) {
    while (open.length > 0) {
      const top = open[open.length - 1]!;
      if (cidrs[top]!.family === cidrs[current]!.family && ends[top]! >= starts[current]!) break;
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
