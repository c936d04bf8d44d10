/**
 * Service ranges are announced over BGP with the pod pools (issue 13 §2): service-range-overlap on
 * each side, and the other mistakes a service range can hold reported once, by their own rules.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { serviceRangeOverlap } from '../../src/validate/rules/fleet/service-ranges';
import { fleetFactsOf, type FleetFacts } from '../../src/validate/rules/fleet/facts';
import { validateClusters } from '../../src/validate';
import { clusterSource, fleetProject, runCli } from '../support/cli';
import { sourceOf, withValues } from './support';

function facts(name: string, v4: string, v6: string, services: Record<string, string[]> = {}): FleetFacts {
  const lists = Object.fromEntries(Object.entries(services).map(([list, cidrs]) => [list, cidrs.map((cidr) => ({ cidr }))]));
  const source = sourceOf(withValues({ IPPools: { ipv4: { cidr: v4 }, ipv6: { cidr: v6 } }, BGPConfiguration: { asNumber: 64601, nodeToNodeMeshEnabled: false, ...lists } }), { name });
  return fleetFactsOf(source.input, source.locate);
}

const hitsOf = (fleet: FleetFacts[]) => serviceRangeOverlap.check(fleet).map((h) => [h.cluster, h.object, h.path]);

describe('service-range-overlap', () => {
  test('the same service range in two clusters: a finding for each, naming both ranges and both clusters', () => {
    const fleet = [
      facts('a', '10.64.0.0/17', '2001:db8:1::/64', { serviceClusterIPs: ['10.96.0.0/12'] }),
      facts('b', '10.65.0.0/17', '2001:db8:2::/64', { serviceClusterIPs: ['10.96.0.0/12'] }),
    ];
    const hits = serviceRangeOverlap.check(fleet);
    assert.deepEqual(hits.map((h) => [h.cluster, h.object, h.path]), [
      ['a', 'BGPConfiguration/default', '/spec/serviceClusterIPs/0/cidr'],
      ['b', 'BGPConfiguration/default', '/spec/serviceClusterIPs/0/cidr'],
    ]);
    assert.match(hits[0]!.message, /^service range 10\.96\.0\.0\/12 \(cluster a, serviceClusterIPs\) overlaps service range 10\.96\.0\.0\/12 \(cluster b, serviceClusterIPs\): .*give each range addresses of its own$/);
  });

  test("a service range inside another cluster's pod pool: the range's cluster and the pool's cluster are each told", () => {
    const fleet = [facts('a', '10.64.0.0/17', '2001:db8:1::/64', { serviceExternalIPs: ['10.65.8.0/24'] }), facts('b', '10.65.0.0/17', '2001:db8:2::/64')];
    const hits = serviceRangeOverlap.check(fleet);
    assert.deepEqual(hits.map((h) => [h.cluster, h.object, h.path]), [
      ['a', 'BGPConfiguration/default', '/spec/serviceExternalIPs/0/cidr'],
      ['b', 'IPPool/ipv4', '/spec/cidr'],
    ]);
    assert.match(hits[0]!.message, /service range 10\.65\.8\.0\/24 \(cluster a, serviceExternalIPs\) overlaps pod CIDR 10\.65\.0\.0\/17 \(cluster b, pool ipv4\)/);
    assert.match(hits[1]!.message, /pod CIDR 10\.65\.0\.0\/17 \(cluster b, pool ipv4\) overlaps service range 10\.65\.8\.0\/24 \(cluster a, serviceExternalIPs\)/);
  });

  test("a service range inside its own cluster's pool is one finding, at the range; IPv6 too", () => {
    const fleet = [facts('a', '10.64.0.0/17', '2001:db8:1::/64', { serviceClusterIPs: ['10.64.128.0/20', '2001:db8:1:0:1::/112'] })];
    assert.deepEqual(hitsOf(fleet), [['a', 'BGPConfiguration/default', '/spec/serviceClusterIPs/1/cidr']]);
  });

  test('disjoint ranges pass: adjacent to a pool, of the other family, two lists of one cluster', () => {
    const fleet = [
      facts('a', '10.64.0.0/17', '2001:db8:1::/64', { serviceClusterIPs: ['10.64.128.0/20', '2001:db8:1:1::/108'], serviceExternalIPs: ['10.64.128.0/24'] }),
      facts('b', '10.65.0.0/17', '2001:db8:2::/64', { serviceClusterIPs: ['10.65.128.0/20'], serviceLoadBalancerIPs: ['192.0.2.0/24'] }),
    ];
    assert.deepEqual(hitsOf(fleet), []);
  });

  test('a range with host bits set is not a fact: bgpconfig-service-cidrs reports it, once', () => {
    const fleet = [facts('a', '10.64.0.0/17', '2001:db8:1::/64', { serviceClusterIPs: ['10.64.0.1/20'] })];
    assert.deepEqual(fleet[0]!.serviceRanges, []);
    const findings = validateClusters([sourceOf(withValues({ BGPConfiguration: { asNumber: 64601, nodeToNodeMeshEnabled: false, serviceClusterIPs: [{ cidr: '10.64.0.1/20' }] } }), { name: 'a' })]);
    assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => f.rule), ['bgpconfig-service-cidrs']);
    assert.match(findings[0]!.message, /not strictly masked \(host bits set\): write 10\.64\.0\.0\/20/);
  });
});

test('validate of definitions: a service range over another cluster\'s pool, host bits set, and a family the cluster does not run, each an error once, exit 1', () => {
  const dir = fleetProject({
    'a.ts': clusterSource('a', "", { asNumber: 64601 }).replace('peerAsNumber: 65000', "peerAsNumber: 65000, serviceClusterIPs: ['10.65.0.0/20', '10.66.0.1/20', '2001:db8:aaaa::/108']").replace("ipv6: { cidr: '2001:db8:a00:c000::/64' }", ''),
    'b.ts': clusterSource('b', '', { asNumber: 64602, v4: '10.65.0.0/17', v6: '2001:db8:b00:c000::/64' }),
  });
  const result = runCli(['validate', '--format', 'json'], { cwd: dir });
  assert.equal(result.status, 1, result.stderr);
  const errors = (JSON.parse(result.stdout) as { findings: { rule: string; severity: string; cluster: string; path: string }[] }).findings.filter((f) => f.severity === 'error');
  assert.deepEqual(errors.map((f) => `${f.cluster} ${f.rule} ${f.path}`), [
    'a service-range-overlap /spec/serviceClusterIPs/0/cidr',
    'a bgpconfig-service-cidrs /spec/serviceClusterIPs/1/cidr',
    'a dual-stack-pool-missing /spec/serviceClusterIPs/2/cidr',
    'b service-range-overlap /spec/cidr',
  ]);
});
