import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { maxBlocksPerHostTooLow, poolCapacityRule } from '../../src/validate/rules/cluster/capacity';
import { clusterOf, hitsOf, withValues } from './support';

describe('pool-capacity', () => {
  // 10.0.0.0/22 with /26 blocks: 16 blocks of 64; 110 pods need 2 blocks, so 8 nodes fit
  const small = withValues({ IPPools: { v4: { cidr: '10.0.0.0/22' } } });
  test('more nodes than the pool holds is an error with the arithmetic and a fix', () => {
    const hits = hitsOf(poolCapacityRule, clusterOf(small, { expectedNodes: 9 }));
    assert.equal(hits.length, 1);
    assert.equal(hits[0]!.severity, 'error');
    assert.equal(hits[0]!.object, 'IPPool/v4');
    assert.match(hits[0]!.message, /16 blocks of 64 addresses.*2 blocks of its own for 110 pods, so at most 8 nodes fit, and the cluster expects 9 \(112\.5%\); a \/21 pool/);
  });
  test('above 80 % is a warning, 80 % and below is fine', () => {
    assert.equal(hitsOf(poolCapacityRule, clusterOf(small, { expectedNodes: 7 }))[0]?.severity, 'warning');
    assert.equal(hitsOf(poolCapacityRule, clusterOf(small, { expectedNodes: 8 }))[0]?.severity, 'warning', '100 % is not above 100 %');
    assert.deepEqual(hitsOf(poolCapacityRule, clusterOf(small, { expectedNodes: 6 })), []);
  });
  test('no expected node count, no capacity finding', () => {
    assert.deepEqual(hitsOf(poolCapacityRule, clusterOf(small)), []);
  });
  test('fewer pods per node need fewer blocks', () => {
    assert.deepEqual(hitsOf(poolCapacityRule, clusterOf(small, { expectedNodes: 12, maxPods: 60 })), []);
  });
  test('without strict affinity nodes borrow, so only addresses count', () => {
    const values = withValues({ IPPools: { v4: { cidr: '10.0.0.0/22' } }, IPAMConfig: { strictAffinity: false } });
    // 1024 addresses / 110 pods = 9 nodes
    assert.equal(hitsOf(poolCapacityRule, clusterOf(values, { expectedNodes: 9 }))[0]?.severity, 'warning');
    assert.equal(hitsOf(poolCapacityRule, clusterOf(values, { expectedNodes: 10 }))[0]?.severity, 'error');
  });
  test('two pools of one family add up', () => {
    const values = withValues({ IPPools: { a: { cidr: '10.0.0.0/22' }, b: { cidr: '10.1.0.0/22' } } });
    assert.deepEqual(hitsOf(poolCapacityRule, clusterOf(values, { expectedNodes: 12 })), []);
  });
  test('a disabled pool holds no new nodes', () => {
    const values = withValues({ IPPools: { a: { cidr: '10.0.0.0/22' }, b: { cidr: '10.1.0.0/22', disabled: true } } });
    assert.equal(hitsOf(poolCapacityRule, clusterOf(values, { expectedNodes: 12 }))[0]?.severity, 'error');
  });
});

describe('max-blocks-per-host-too-low', () => {
  test('one /26 block per host under strict affinity cannot hold 110 pods', () => {
    const hits = hitsOf(maxBlocksPerHostTooLow, clusterOf(withValues({ IPAMConfig: { strictAffinity: true, maxBlocksPerHost: 1 } })));
    assert.equal(hits.length, 2, 'IPv4 and IPv6 blocks of 64 addresses');
    assert.match(hits[0]!.message, /raise maxBlocksPerHost to 2/);
  });
  test('enough blocks per host, unlimited (0), or no strict affinity pass', () => {
    for (const ipam of [{ strictAffinity: true, maxBlocksPerHost: 2 }, { strictAffinity: true, maxBlocksPerHost: 0 }, { strictAffinity: false, maxBlocksPerHost: 1 }]) {
      assert.deepEqual(hitsOf(maxBlocksPerHostTooLow, clusterOf(withValues({ IPAMConfig: ipam }))), [], JSON.stringify(ipam));
    }
  });
});
