/**
 * Micro-benchmark of the fleet rule `pool-overlap` (sort and sweep): 10,000 pools, 5,000 dual-stack
 * clusters, timed in this process. Prints one line per scenario.
 *   npx tsc -p tsconfig.json && node dist/bench/pool-overlap-micro.js [pools]
 * (bench/pool-overlap.ts is the suite's row for the same rule, run in a fresh child process.)
 */
import { poolOverlap } from '../src/validate/rules/fleet/pool-overlap';
import type { FleetFacts } from '../src/validate/rules/fleet/facts';

const pools = Number(process.argv[2] ?? 10_000);

/** Cluster i gets the i-th /21 of 10.0.0.0/8 and the i-th /64 of 2001:db8::/32; `overlapEvery` makes
 * every n-th cluster reuse its neighbour's IPv4 range. */
function fleet(clusters: number, overlapEvery = 0): FleetFacts[] {
  return Array.from({ length: clusters }, (_, i) => {
    const v4 = overlapEvery > 0 && i % overlapEvery === 1 ? i - 1 : i;
    const ipv4 = `10.${(v4 >> 5) & 255}.${(v4 & 31) << 3}.0/21`;
    const ipv6 = `2001:db8:${(i >> 16).toString(16)}:${(i & 0xffff).toString(16)}::/64`;
    const pool = (name: string, cidr: string) => ({ name, cidr, object: `IPPool/${name}`, path: '/spec/cidr' });
    return { cluster: `cluster-${i}`, pools: [pool('ipv4', ipv4), pool('ipv6', ipv6)], serviceRanges: [], routers: [] };
  });
}

function time(label: string, facts: FleetFacts[]): void {
  poolOverlap.check(facts.slice(0, 50)); // warm the code paths
  const runs: number[] = [];
  let hits = 0;
  for (let run = 0; run < 5; run++) {
    const start = process.hrtime.bigint();
    hits = poolOverlap.check(facts).length;
    runs.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  runs.sort((a, b) => a - b);
  const count = facts.reduce((n, f) => n + f.pools.length, 0);
  process.stdout.write(`pool-overlap, ${count} pools, ${label}: median ${runs[2]!.toFixed(1)} ms (min ${runs[0]!.toFixed(1)}, max ${runs[4]!.toFixed(1)}), ${hits} findings\n`);
}

time('all distinct', fleet(Math.ceil(pools / 2)));
time('every 10th cluster overlapping its neighbour', fleet(Math.ceil(pools / 2), 10));
