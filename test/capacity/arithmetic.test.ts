import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addressesPerBlock, blocksIn, blocksPerNode, maxNodesFor, poolCapacity } from '../../src/core/capacity';
import { makeCidr, parseCidr } from '../../src/core/net';

const cidr = (text: string) => {
  const parsed = parseCidr(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
};

describe('pool capacity arithmetic', () => {
  test('the real fleet\'s main pool: a /17 of /26 blocks at 110 pods holds 256 nodes', () => {
    const pool = poolCapacity({ name: 'ipv4', cidr: cidr('10.67.128.0/17'), blockSize: 26 }, 110, true);
    assert.deepEqual([pool.blocks, pool.addressesPerBlock, pool.blocksPerNode, pool.maxNodes], [512n, 64n, 2n, 256n]);
  });
  test('an IPv6 /64 of /122 blocks is counted exactly, beyond 2^53', () => {
    const pool = poolCapacity({ name: 'ipv6', cidr: cidr('2620:0:861:cabe::/64'), blockSize: 122 }, 110, true);
    assert.equal(pool.blocks, 2n ** 58n);
    assert.equal(pool.maxNodes, 2n ** 57n);
    assert.equal(pool.cidr, '2620:0:861:cabe::/64');
  });
  test('a pool smaller than one block holds nothing', () => {
    assert.equal(blocksIn(27, 26), 0n);
    assert.equal(poolCapacity({ name: 'x', cidr: cidr('10.0.0.0/27'), blockSize: 26 }, 110, true).maxNodes, 0n);
  });
  test('blocks per node round up and are at least one', () => {
    assert.equal(blocksPerNode(110, 64n), 2n);
    assert.equal(blocksPerNode(64, 64n), 1n);
    assert.equal(blocksPerNode(1, 1n << 70n), 1n);
  });
});

/** Nodes claim whole blocks (strict affinity) until they have maxPods addresses; count the nodes. */
function bruteForceStrict(blockSizes: number[][], maxPods: number): number {
  const blocks = blockSizes.flat();
  let nodes = 0;
  let next = 0;
  for (;;) {
    let addresses = 0;
    while (addresses < maxPods && next < blocks.length) addresses += blocks[next++]!;
    if (addresses < maxPods) return nodes;
    nodes++;
  }
}

/** Enumerates a small IPv4 pool's addresses and groups them into blocks. */
function enumerateBlocks(prefix: number, blockSize: number): number[] {
  const counts = new Map<number, number>();
  for (let offset = 0; offset < 2 ** (32 - prefix); offset++) {
    const block = offset >> (32 - blockSize);
    counts.set(block, (counts.get(block) ?? 0) + 1);
  }
  return blockSize >= prefix ? [...counts.values()] : [];
}

describe('capacity agrees with brute force on small pools', () => {
  const small = fc.record({ prefix: fc.integer({ min: 22, max: 32 }), blockSize: fc.integer({ min: 20, max: 32 }), maxPods: fc.integer({ min: 1, max: 300 }) });
  test('one pool, strict affinity', () => {
    fc.assert(
      fc.property(small, ({ prefix, blockSize, maxPods }) => {
        const pool = poolCapacity({ name: 'p', cidr: makeCidr(4, 0x0a000000n, prefix), blockSize }, maxPods, true);
        const blocks = enumerateBlocks(prefix, blockSize);
        assert.equal(pool.blocks, BigInt(blocks.length));
        assert.ok(blocks.every((size) => BigInt(size) === addressesPerBlock(4, blockSize)));
        assert.equal(pool.maxNodes, BigInt(bruteForceStrict([blocks], maxPods)));
      }),
      { numRuns: 400 },
    );
  });
  test('one pool, no strict affinity: nodes share the addresses', () => {
    fc.assert(
      fc.property(small, ({ prefix, blockSize, maxPods }) => {
        const pool = poolCapacity({ name: 'p', cidr: makeCidr(4, 0x0a000000n, prefix), blockSize }, maxPods, false);
        const addresses = enumerateBlocks(prefix, blockSize).reduce((a, b) => a + b, 0);
        assert.equal(pool.maxNodes, BigInt(Math.floor(addresses / maxPods)));
      }),
      { numRuns: 200 },
    );
  });
  test('several pools of one block size add up exactly; mixed sizes never report less room than there is', () => {
    const pools = fc.array(fc.record({ prefix: fc.integer({ min: 24, max: 30 }), blockSize: fc.integer({ min: 26, max: 30 }) }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(pools, fc.integer({ min: 1, max: 200 }), fc.boolean(), (specs, maxPods, sameSize) => {
        const shaped = sameSize ? specs.map((s) => ({ ...s, blockSize: specs[0]!.blockSize })) : specs;
        const capacities = shaped.map((s, i) => poolCapacity({ name: `p${i}`, cidr: makeCidr(4, BigInt(i) << 24n, s.prefix), blockSize: s.blockSize }, maxPods, true));
        const blocks = shaped.map((s) => enumerateBlocks(s.prefix, s.blockSize));
        // largest blocks first is the best a node can do with mixed sizes
        const best = bruteForceStrict([blocks.flat().sort((a, b) => b - a)], maxPods);
        const computed = maxNodesFor(capacities, maxPods, true);
        if (new Set(shaped.map((s) => s.blockSize)).size === 1) assert.equal(computed, BigInt(bruteForceStrict(blocks, maxPods)));
        else assert.ok(computed >= BigInt(best), `${computed} < ${best}`);
      }),
      { numRuns: 300 },
    );
  });
});
