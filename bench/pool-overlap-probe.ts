/**
 * Child process of the benchmark: times the fleet rule `pool-overlap` inside a fresh process over
 * the pools of N/2 dual-stack clusters (distinct, as the generator carves them). Prints JSON
 * `{seconds, pools, hits}`. Usage: node pool-overlap-probe.js <calico-gen root> <pools>
 */
import * as path from 'node:path';
import { clusterPlan } from './fleet/clusters';

interface PoolFactLike {
  name: string;
  cidr: string;
  object: string;
  path: string;
}
interface FleetRuleLike {
  check(fleet: { cluster: string; pools: PoolFactLike[]; routers: never[] }[]): unknown[];
}

const [root, poolsText] = process.argv.slice(2);
const { poolOverlap } = require(path.join(root!, 'dist', 'src', 'validate', 'rules', 'fleet', 'pool-overlap.js')) as { poolOverlap: FleetRuleLike };
const clusters = Math.ceil(Number(poolsText) / 2);
const fleet = Array.from({ length: clusters }, (_, index) => {
  const plan = clusterPlan(index);
  const pool = (name: string, cidr: string) => ({ name, cidr, object: `IPPool/${name}`, path: '/spec/cidr' });
  return { cluster: plan.name, pools: [pool('ipv4', plan.ipv4Cidr), pool('ipv6', plan.ipv6Cidr)], routers: [] };
});
const start = process.hrtime.bigint();
const hits = poolOverlap.check(fleet);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
process.stdout.write(`${JSON.stringify({ seconds, pools: clusters * 2, hits: hits.length })}\n`);
