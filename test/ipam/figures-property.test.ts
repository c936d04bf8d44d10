// Every live figure equals a brute-force count, address by address and slot by slot, on small
// pools: /24 pools of /28–/30 blocks with blocks of every size, state and affinity scattered over
// them and beside them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { liveFigures, poolLiveJson } from '../../src/ipam';
import { affinity, block, node, pool, stateOf, type Obj } from './support';

const NODE_NAMES = ['n0', 'n1', 'n2', 'n3', 'n4', 'n5', 'gone-a', 'gone-b'];
const SELECTORS: Record<string, (labels: Record<string, string>) => boolean> = {
  'all()': () => true,
  "zone == 'a'": (labels) => labels.zone === 'a',
  'has(zone)': (labels) => 'zone' in labels,
};

interface BlockPlan {
  /** address offset within 10.0.0.0/22, aligned to the prefix */
  start: number;
  prefix: number;
  deleted: boolean;
  owner: string | undefined;
  pods: Record<number, string | undefined>;
}

const blockPlan = fc
  .record({ prefix: fc.integer({ min: 26, max: 31 }), slot: fc.nat(1023), deleted: fc.boolean(), owner: fc.option(fc.constantFrom(...NODE_NAMES, 'virtual:vm')) })
  .chain(({ prefix, slot, deleted, owner }) => {
    const size = 2 ** (32 - prefix);
    const start = (slot * size) % 1024;
    return fc.dictionary(fc.integer({ min: 0, max: size - 1 }).map(String), fc.option(fc.constantFrom(...NODE_NAMES), { nil: undefined }), { maxKeys: size }).map(
      (pods): BlockPlan => ({ start, prefix, deleted, owner: owner ?? undefined, pods: Object.fromEntries(Object.entries(pods).map(([k, v]) => [Number(k), v])) }),
    );
  });

const clusterPlan = fc.record({
  blockSizes: fc.tuple(fc.integer({ min: 28, max: 30 }), fc.integer({ min: 28, max: 30 })),
  selector: fc.constantFrom(...Object.keys(SELECTORS)),
  nodes: fc.subarray(NODE_NAMES.slice(0, 6)),
  zones: fc.array(fc.constantFrom('a', 'b', undefined), { minLength: 6, maxLength: 6 }),
  blocks: fc.uniqueArray(blockPlan, { maxLength: 14, selector: (b) => `${b.start}/${b.prefix}` }),
  pending: fc.nat(3),
});

const POOLS = [
  { name: 'first', base: 0 },
  { name: 'second', base: 256 },
];

function ip(offset: number): string {
  return `10.0.${Math.floor(offset / 256)}.${offset % 256}`;
}

type Plan = typeof clusterPlan extends fc.Arbitrary<infer T> ? T : never;

function toObjects(plan: Plan): Obj[] {
  const objects: Obj[] = plan.nodes.map((name) => node(name, plan.zones[NODE_NAMES.indexOf(name)] ? { zone: plan.zones[NODE_NAMES.indexOf(name)]! } : {}));
  objects.push(pool('first', '10.0.0.0/24', plan.blockSizes[0], { nodeSelector: plan.selector }), pool('second', '10.0.1.0/24', plan.blockSizes[1]));
  for (const b of plan.blocks) {
    const affinityText = b.owner === undefined ? undefined : b.owner.startsWith('virtual:') ? b.owner : `host:${b.owner}`;
    objects.push(block(`${ip(b.start)}/${b.prefix}`, { ...(affinityText ? { affinity: affinityText } : {}), pods: b.pods, deleted: b.deleted }));
  }
  for (let i = 0; i < plan.pending; i++) objects.push(affinity('n0', `10.0.3.${i * 64}/26`, 'pending'));
  objects.push(affinity('n1', '10.0.3.192/26', 'confirmed'));
  return objects;
}

/** The figures counted the slow way, from the plan alone. */
function bruteForce(plan: Plan) {
  const existing = new Set(plan.nodes);
  const live = plan.blocks.filter((b) => !b.deleted);
  const size = (b: BlockPlan) => 2 ** (32 - b.prefix);
  const host = (b: BlockPlan) => (b.owner && !b.owner.startsWith('virtual:') ? b.owner : undefined);
  const ownerOf = (b: BlockPlan) => POOLS.find((p) => b.start >= p.base && b.start + size(b) <= p.base + 256);
  const pools = POOLS.map((p, index) => {
    const blockSize = plan.blockSizes[index]!;
    const own = live.filter((b) => ownerOf(b) === p);
    const taken = new Array<boolean>(256).fill(false);
    for (const b of live) for (let a = b.start; a < b.start + size(b); a++) if (a >= p.base && a < p.base + 256) taken[a - p.base] = true;
    const slotSize = 2 ** (32 - blockSize);
    let free = 0;
    for (let s = 0; s < 256 / slotSize; s++) if (!taken.slice(s * slotSize, (s + 1) * slotSize).some(Boolean)) free++;
    const perNode = new Map<string, number>();
    for (const b of own) if (host(b) && existing.has(host(b)!)) perNode.set(host(b)!, (perNode.get(host(b)!) ?? 0) + 1);
    let busiest: { node: string; blocks: number } | null = null;
    for (const name of [...perNode.keys()].sort()) if (!busiest || perNode.get(name)! > busiest.blocks) busiest = { node: name, blocks: perNode.get(name)! };
    const picks = index === 0 ? SELECTORS[plan.selector]! : SELECTORS['all()']!;
    const without = plan.nodes.filter((name) => picks(plan.zones[NODE_NAMES.indexOf(name)] ? { zone: plan.zones[NODE_NAMES.indexOf(name)]! } : {}) && !perNode.has(name)).length;
    const allocations = (b: BlockPlan) => Object.keys(b.pods).map(Number).filter((o) => o < size(b));
    return {
      blocksClaimed: own.filter((b) => b.prefix === blockSize && b.owner !== undefined).length,
      blocksFree: String(free),
      blocksOtherSize: own.filter((b) => b.prefix !== blockSize).length,
      addressesInUse: own.reduce((sum, b) => sum + allocations(b).length, 0),
      nodesWithBlocks: perNode.size,
      maxBlocksOnOneNode: busiest,
      nodesWithoutBlock: without,
      nodesThatCanStillJoin: String(Math.max(0, free - without)),
      blocksOfGoneNodes: own.filter((b) => host(b) !== undefined && !existing.has(host(b)!)).length,
      borrowedAddresses: own.reduce((sum, b) => sum + allocations(b).filter((o) => (b.pods[o] ?? host(b) ?? 'unknown-node') !== (host(b) ?? '')).length, 0),
    };
  });
  return {
    pools,
    live: { nodes: plan.nodes.length, orphanedBlocks: live.filter((b) => !ownerOf(b)).length, deletedBlocks: plan.blocks.length - live.length, pendingAffinities: plan.pending, calicoVersion: null },
  };
}

test('property: every live figure equals a brute-force count on small pools', () => {
  fc.assert(
    fc.property(clusterPlan, (plan) => {
      const figures = liveFigures(stateOf(toObjects(plan)));
      assert.deepEqual({ pools: figures.pools.map(poolLiveJson), live: figures.live }, bruteForce(plan));
    }),
    { numRuns: 300 },
  );
});
