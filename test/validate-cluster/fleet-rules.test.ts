import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { poolOverlap } from '../../src/validate/rules/fleet/pool-overlap';
import { asNumberDuplicate, asNumberKind, asNumberPublic } from '../../src/validate/rules/fleet/as-numbers';
import { routerAddressMismatch } from '../../src/validate/rules/fleet/router-addresses';
import { fleetFactsOf, type FleetFacts } from '../../src/validate/rules/fleet/facts';
import { fleetRules } from '../../src/validate/rules/fleet';
import { validateClusters } from '../../src/validate';
import { baseValues, calico, clusterOf, sourceOf, withValues } from './support';

function facts(name: string, values: Record<string, unknown>): FleetFacts {
  const source = sourceOf(values, { name });
  return fleetFactsOf(source.input, source.locate);
}

const pools = (v4: string, v6 = '2001:db8:ffff::/64') => ({ IPPools: { ipv4: { cidr: v4 }, ipv6: { cidr: v6 } } });
const as = (asNumber: number) => ({ BGPConfiguration: { asNumber, nodeToNodeMeshEnabled: false } });

describe('pool-overlap', () => {
  test('overlapping pod CIDRs of two clusters: a finding for each cluster naming both clusters and both CIDRs', () => {
    const fleet = [facts('a', withValues({ ...pools('10.64.0.0/16', '2001:db8:1::/64'), ...as(64601) })), facts('b', withValues({ ...pools('10.64.128.0/17', '2001:db8:2::/64'), ...as(64602) }))];
    const hits = poolOverlap.check(fleet);
    assert.deepEqual(hits.map((h) => [h.cluster, h.object]), [['a', 'IPPool/ipv4'], ['b', 'IPPool/ipv4']]);
    for (const hit of hits) assert.match(hit.message, /10\.64\.0\.0\/16 \(cluster a, pool ipv4\).*10\.64\.128\.0\/17 \(cluster b, pool ipv4\)|10\.64\.128\.0\/17 \(cluster b, pool ipv4\).*10\.64\.0\.0\/16 \(cluster a, pool ipv4\)/);
  });
  test('disjoint pools of two clusters pass; overlap inside one cluster is left to the cluster rule', () => {
    const fleet = [
      facts('a', withValues({ ...pools('10.64.0.0/17', '2001:db8:1::/64') })),
      facts('b', withValues({ IPPools: { x: { cidr: '10.64.128.0/17' }, y: { cidr: '10.64.128.0/18' } } })),
    ];
    assert.deepEqual(poolOverlap.check(fleet), []);
  });
});

describe('as-number-duplicate', () => {
  test('two clusters with one AS: each is told about the other', () => {
    const hits = asNumberDuplicate.check([facts('a', withValues(as(64601))), facts('b', withValues({ ...as(64601), ...pools('10.1.0.0/16') })), facts('c', withValues({ ...as(64602), ...pools('10.2.0.0/16') }))]);
    assert.deepEqual(hits.map((h) => [h.cluster, h.path]), [['a', '/spec/asNumber'], ['b', '/spec/asNumber']]);
    assert.match(hits[0]!.message, /AS 64601 is also the AS of cluster b/);
  });
  test('clusters with BGP peers and no asNumber share Calico\'s default 64512', () => {
    const noAs = withValues({ BGPConfiguration: { nodeToNodeMeshEnabled: false } });
    const hits = asNumberDuplicate.check([facts('a', noAs), facts('b', { ...noAs, ...pools('10.1.0.0/16') })]);
    assert.equal(hits.length, 2);
    assert.match(hits[0]!.message, /64512 \(Calico's default/);
  });
  test('distinct AS numbers pass', () => {
    assert.deepEqual(asNumberDuplicate.check([facts('a', withValues(as(64601))), facts('b', withValues(as(64602)))]), []);
  });
});

describe('as-number-public', () => {
  test('a public AS as a cluster AS is a warning', () => {
    const hits = asNumberPublic.check([facts('a', withValues(as(14907)))]);
    assert.equal(hits.length, 1);
    assert.match(hits[0]!.message, /14907 is a public AS number/);
  });
  test('private AS numbers pass, both ranges', () => {
    assert.deepEqual(asNumberPublic.check([facts('a', withValues(as(64512))), facts('b', withValues(as(65534))), facts('c', withValues(as(4200000000)))]), []);
  });
  test('reserved and documentation numbers are named as such', () => {
    assert.equal(asNumberKind(64500), 'reserved for documentation (RFC 5398)');
    assert.equal(asNumberKind(23456), 'reserved as AS_TRANS (RFC 6793)');
    assert.equal(asNumberKind(65535), 'reserved (RFC 7300)');
    assert.equal(asNumberKind(65536), 'reserved for documentation (RFC 5398)');
    assert.equal(asNumberKind(64511), 'reserved for documentation (RFC 5398)');
    assert.equal(asNumberKind(4294967295), 'reserved (RFC 7300)');
  });
});

describe('router-address-mismatch', () => {
  const router = (ipv4: string) => ({ BGPPeers: { 'cr1-ams': { ipv4, ipv6: '2001:db8:ffff::1', nodeSelector: 'all()' } } });
  test('one router name with two IPv4 addresses in two clusters is a warning in each', () => {
    const hits = routerAddressMismatch.check([facts('a', withValues(router('192.0.2.1'))), facts('b', withValues(router('192.0.2.9')))]);
    assert.deepEqual(hits.map((h) => [h.cluster, h.object]), [['a', 'BGPPeer/cr1-ams-ipv4'], ['b', 'BGPPeer/cr1-ams-ipv4']]);
    assert.match(hits[0]!.message, /router cr1-ams has the IPv4 address 192\.0\.2\.1 here but 192\.0\.2\.9 in b/);
  });
  test('the same address in every cluster passes', () => {
    assert.deepEqual(routerAddressMismatch.check([facts('a', withValues(router('192.0.2.1'))), facts('b', withValues(router('192.0.2.1')))]), []);
  });
});

test('fleet facts are plain data: they survive JSON (so that they can be cached)', () => {
  const original = facts('a', baseValues());
  assert.deepEqual(JSON.parse(JSON.stringify(original)), original);
  assert.deepEqual(original.pools.map((p) => p.cidr), ['10.64.0.0/17', '2001:db8:a00:c000::/64']);
  assert.equal(original.asNumber?.value, 64601);
});

test('validating one cluster against the facts of the rest reports only that cluster', () => {
  const other = facts('b', withValues({ ...pools('10.64.0.0/17', '2001:db8:9::/64'), ...as(64601) }));
  const findings = validateClusters([sourceOf(baseValues(), { name: 'a' })], { fleet: [other] });
  assert.deepEqual(
    findings.filter((f) => ['pool-overlap', 'as-number-duplicate'].includes(f.rule)).map((f) => [f.rule, f.cluster]),
    [['pool-overlap', 'a'], ['as-number-duplicate', 'a']],
  );
});

test('every fleet rule has a kebab-case id and a one-line description', () => {
  for (const rule of fleetRules) {
    assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(!rule.description.includes('\n'));
  }
  assert.ok(clusterOf(baseValues()).objects.some((o) => o.kind === 'IPPool'));
  void calico;
});
