/** Each cluster rule, on the side that triggers it and on the side that does not. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { poolOverlapInCluster } from '../../src/validate/rules/cluster/pool-overlap-in-cluster';
import { dualStackPoolMissing, ipPoolMissing, ipv6PoolWithoutIpv6Support } from '../../src/validate/rules/cluster/dual-stack';
import { strictAffinityRequired } from '../../src/validate/rules/cluster/strict-affinity';
import { peerIpDuplicate, peerIpInPodPool } from '../../src/validate/rules/cluster/peers';
import { prefixAdvertisementOutsidePools } from '../../src/validate/rules/cluster/prefix-advertisements';
import { imageTagNotVersion, imageTagPrefix, ipamBlocksNeverReleased } from '../../src/validate/rules/cluster/image';
import { vethMtuRange } from '../../src/validate/rules/cluster/veth-mtu';
import { valuesKeyUnread } from '../../src/validate/rules/cluster/unread-keys';
import { quantityNanos, resourcesRequestAboveLimit } from '../../src/validate/rules/cluster/resources';
import { clusterRules } from '../../src/validate/rules/cluster';
import { baseValues, calico, clusterOf, hitsOf, withValues } from './support';

describe('pool-overlap-in-cluster', () => {
  test('two pools of one cluster sharing addresses are reported on the later pool, naming both', () => {
    const hits = hitsOf(poolOverlapInCluster, clusterOf(withValues({ IPPools: { a: { cidr: '10.64.0.0/16' }, b: { cidr: '10.64.128.0/17' } } })));
    assert.equal(hits.length, 1);
    assert.equal(hits[0]!.object, 'IPPool/b');
    assert.match(hits[0]!.message, /10\.64\.128\.0\/17.*overlaps pool a \(10\.64\.0\.0\/16\)/);
  });
  test('adjacent pools and pools of different families do not overlap', () => {
    const values = withValues({ IPPools: { a: { cidr: '10.64.0.0/17' }, b: { cidr: '10.64.128.0/17' }, c: { cidr: '2001:db8::/64' } } });
    assert.deepEqual(hitsOf(poolOverlapInCluster, clusterOf(values)), []);
  });
  test('a hand-written IPPool overlapping a chart pool is found too', () => {
    const cluster = clusterOf(baseValues(), { manifests: [calico('IPPool', 'extra', { cidr: '10.64.10.0/24' })] });
    const hits = hitsOf(poolOverlapInCluster, cluster);
    assert.equal(hits.length, 1);
    assert.match(hits[0]!.message, /pool ipv4 \(10\.64\.0\.0\/17\) overlaps pool extra \(10\.64\.10\.0\/24\)/);
  });
});

describe('dual-stack-pool-missing', () => {
  test('an IPv6 service range with only an IPv4 pool is an error at the service range', () => {
    const values = withValues({
      IPPools: { ipv4: { cidr: '10.64.0.0/17' } },
      BGPConfiguration: { asNumber: 64601, nodeToNodeMeshEnabled: false, serviceClusterIPs: [{ cidr: '10.64.128.0/20' }, { cidr: '2001:db8:1::/108' }] },
    });
    const hits = hitsOf(dualStackPoolMissing, clusterOf(values));
    assert.equal(hits.length, 1);
    assert.equal(hits[0]!.path, '/spec/serviceClusterIPs/1/cidr');
    assert.match(hits[0]!.message, /IPv6 range 2001:db8:1::\/108/);
  });
  test('an IPv4-only cluster (IPv6 peers from the chart, IPv6Support on by default) is not dual-stack', () => {
    assert.deepEqual(hitsOf(dualStackPoolMissing, clusterOf(withValues({ IPPools: { ipv4: { cidr: '10.64.0.0/17' } } }))), []);
  });
  test('a dual-stack cluster with a pool per family passes', () => {
    const values = withValues({ BGPConfiguration: { asNumber: 1, serviceClusterIPs: [{ cidr: '10.96.0.0/12' }, { cidr: '2001:db8:1::/108' }] } });
    assert.deepEqual(hitsOf(dualStackPoolMissing, clusterOf(values)), []);
  });
});

describe('ipv6-pool-without-ipv6-support', () => {
  test('IPv6Support: false with an IPv6 pool is an error on /IPv6Support', () => {
    const hits = hitsOf(ipv6PoolWithoutIpv6Support, clusterOf(withValues({ IPv6Support: false })));
    assert.deepEqual(hits.map((h) => h.path), ['/IPv6Support']);
  });
  test('IPv6Support: false with IPv4 pools only is fine', () => {
    assert.deepEqual(hitsOf(ipv6PoolWithoutIpv6Support, clusterOf(withValues({ IPv6Support: false, IPPools: { v4: { cidr: '10.0.0.0/16' } } }))), []);
  });
});

describe('ip-pool-missing', () => {
  test('values without any pool are an error', () => {
    assert.equal(hitsOf(ipPoolMissing, clusterOf(withValues({ IPPools: {} }))).length, 1);
  });
  test('all pools disabled is an error too', () => {
    const hits = hitsOf(ipPoolMissing, clusterOf(withValues({ IPPools: { a: { cidr: '10.0.0.0/16', disabled: true } } })));
    assert.equal(hits[0]?.object, 'IPPool/a');
  });
  test('Calico manifests alone may leave the pools to another file', () => {
    assert.deepEqual(hitsOf(ipPoolMissing, clusterOf(undefined, { manifests: [calico('BGPPeer', 'p', { peerIP: '192.0.2.1', asNumber: 65000 })] })), []);
  });
});

describe('strict-affinity-required', () => {
  test('mesh off and strictAffinity false is an error on IPAMConfig', () => {
    const hits = hitsOf(strictAffinityRequired, clusterOf(withValues({ IPAMConfig: { strictAffinity: false } })));
    assert.deepEqual(hits.map((h) => [h.object, h.path]), [['IPAMConfig/default', '/spec/strictAffinity']]);
  });
  test('the chart default (strictAffinity false) counts when nothing sets it', () => {
    const values = baseValues();
    delete values.IPAMConfig;
    assert.equal(hitsOf(strictAffinityRequired, clusterOf(values)).length, 1);
  });
  test('mesh on (or left to its default) does not need strict affinity', () => {
    assert.deepEqual(hitsOf(strictAffinityRequired, clusterOf(withValues({ IPAMConfig: { strictAffinity: false }, BGPConfiguration: { asNumber: 64601 } }))), []);
  });
  test('mesh off with strictAffinity true passes', () => {
    assert.deepEqual(hitsOf(strictAffinityRequired, clusterOf(baseValues())), []);
  });
});

describe('peer-ip-duplicate', () => {
  const routers = (second: Record<string, string>) =>
    withValues({
      BGPPeers: {
        'lsw1-a1': { ipv4: '10.192.4.1', ipv6: '2001:db8:105::1', nodeSelector: "zone == 'a1'" },
        'lsw1-c1': { ipv4: '10.192.24.1', ipv6: '2001:db8:100::1', nodeSelector: "zone == 'c1'", ...second },
      },
    });
  test('two routers with one IPv4 address: one finding on the later router, naming both', () => {
    const hits = hitsOf(peerIpDuplicate, clusterOf(routers({ ipv4: '10.192.4.1' })));
    assert.equal(hits.length, 1);
    assert.equal(hits[0]!.object, 'BGPPeer/lsw1-c1-ipv4');
    assert.match(hits[0]!.message, /routers lsw1-a1 and lsw1-c1 have the same IPv4 address 10\.192\.4\.1/);
  });
  test('the same IPv6 address written differently is still the same address', () => {
    const hits = hitsOf(peerIpDuplicate, clusterOf(routers({ ipv6: '2001:0DB8:105:0::1' })));
    assert.deepEqual(hits.map((h) => h.object), ['BGPPeer/lsw1-c1-ipv6']);
  });
  test('distinct addresses pass', () => {
    assert.deepEqual(hitsOf(peerIpDuplicate, clusterOf(routers({}))), []);
  });
  test('per-node peers to one router (spec.node differs) are how Calico peers node by node', () => {
    const manifests = [
      calico('BGPPeer', 'node1-tor', { node: 'node1', peerIP: '10.0.0.1', asNumber: 65000 }),
      calico('BGPPeer', 'node2-tor', { node: 'node2', peerIP: '10.0.0.1', asNumber: 65000 }),
    ];
    assert.deepEqual(hitsOf(peerIpDuplicate, clusterOf(undefined, { manifests })), []);
  });
  test('the same address on another port is another peering', () => {
    const manifests = [calico('BGPPeer', 'a', { peerIP: '10.0.0.1:179', asNumber: 65000 }), calico('BGPPeer', 'b', { peerIP: '10.0.0.1:1179', asNumber: 65000 })];
    assert.deepEqual(hitsOf(peerIpDuplicate, clusterOf(undefined, { manifests })), []);
  });
});

describe('peer-ip-in-pod-pool', () => {
  test('a router address inside a pod pool is an error on the peer', () => {
    const values = withValues({ BGPPeers: { r: { ipv4: '10.64.0.1', ipv6: '2001:db8:ffff::1', nodeSelector: 'all()' } } });
    const hits = hitsOf(peerIpInPodPool, clusterOf(values));
    assert.deepEqual(hits.map((h) => h.object), ['BGPPeer/r-ipv4']);
    assert.match(hits[0]!.message, /10\.64\.0\.1 is inside pod pool ipv4 \(10\.64\.0\.0\/17\)/);
  });
  test('router addresses outside the pools pass', () => {
    assert.deepEqual(hitsOf(peerIpInPodPool, clusterOf(baseValues())), []);
  });
});

describe('prefix-advertisement-outside-pools', () => {
  const advertise = (cidr: string, extra: Record<string, unknown> = {}) =>
    withValues({ BGPConfiguration: { asNumber: 64601, nodeToNodeMeshEnabled: false, prefixAdvertisements: [{ cidr, communities: ['65000:1'] }], ...extra } });
  test('an advertisement for a CIDR outside every pool is a warning', () => {
    const hits = hitsOf(prefixAdvertisementOutsidePools, clusterOf(advertise('10.99.0.0/16')));
    assert.deepEqual(hits.map((h) => [h.path, h.message.slice(0, 35)]), [['/spec/prefixAdvertisements/0/cidr', 'prefix advertisement 10.99.0.0/16 i']]);
  });
  test('an advertisement inside a pool, or for a service range, passes', () => {
    assert.deepEqual(hitsOf(prefixAdvertisementOutsidePools, clusterOf(advertise('10.64.1.0/24'))), []);
    assert.deepEqual(hitsOf(prefixAdvertisementOutsidePools, clusterOf(advertise('10.96.0.0/12', { serviceClusterIPs: [{ cidr: '10.96.0.0/12' }] }))), []);
  });
  test('the advertisements the chart generates from the pools pass', () => {
    assert.deepEqual(hitsOf(prefixAdvertisementOutsidePools, clusterOf(baseValues())), []);
  });
});

describe('image tags and version', () => {
  const tagged = (tag: string) => clusterOf(withValues({ image: { tag } }));
  test('a tag with a leading v is image-tag-prefix, not also image-tag-not-version', () => {
    assert.match(hitsOf(imageTagPrefix, tagged('v3.30.7'))[0]!.message, /write "3\.30\.7"/);
    assert.deepEqual(hitsOf(imageTagNotVersion, tagged('v3.30.7')), []);
  });
  test('latest, a minor-only version and a digest are not bare versions', () => {
    for (const tag of ['latest', '3.30', 'sha256:abcd']) assert.equal(hitsOf(imageTagNotVersion, tagged(tag)).length, 1, tag);
  });
  test('a bare version, a pre-release and the empty tag (appVersion) pass both rules', () => {
    for (const tag of ['3.30.7', '3.31.0-0.dev', '']) {
      assert.deepEqual([...hitsOf(imageTagPrefix, tagged(tag)), ...hitsOf(imageTagNotVersion, tagged(tag))], [], tag);
    }
  });
  test('ipam-blocks-never-released warns below Calico 3.20, also for a v-prefixed tag', () => {
    assert.equal(hitsOf(ipamBlocksNeverReleased, tagged('3.19.4')).length, 1);
    assert.equal(hitsOf(ipamBlocksNeverReleased, tagged('v3.18.0')).length, 1);
    assert.deepEqual(hitsOf(ipamBlocksNeverReleased, tagged('3.20.0')), []);
    assert.deepEqual(hitsOf(ipamBlocksNeverReleased, tagged('')), [], 'the chart appVersion 3.30.7');
  });
});

describe('veth-mtu-range', () => {
  const mtu = (value: unknown, pools?: object) => hitsOf(vethMtuRange, clusterOf(withValues({ veth_mtu: value, ...(pools ? { IPPools: pools } : {}) })));
  test('0 (auto) and usual MTUs pass', () => {
    for (const value of ['0', '1460', '1500', '8950', '9000']) assert.deepEqual(mtu(value), [], value);
  });
  test('below 1280 with an IPv6 pool is an error; IPv4-only may go down to 68', () => {
    assert.match(mtu('1200')[0]!.message, /below 1280/);
    assert.deepEqual(mtu('1200', { v4: { cidr: '10.0.0.0/16' } }), []);
    assert.match(mtu('60', { v4: { cidr: '10.0.0.0/16' } })[0]!.message, /below the smallest MTU Linux allows \(68\)/);
  });
  test('above 65535 is an error', () => {
    assert.match(mtu('70000')[0]!.message, /above the largest/);
  });
});

describe('resources-request-above-limit', () => {
  test('a request raised over the chart default limit is an error at the request', () => {
    const hits = hitsOf(resourcesRequestAboveLimit, clusterOf(withValues({ typha: { resources: { requests: { cpu: '700m' } } } })));
    assert.deepEqual(hits.map((h) => h.path), ['/typha/resources/requests/cpu']);
    assert.match(hits[0]!.message, /700m but its limit is 150m/);
  });
  test('removing the limit with ~ (null) clears it', () => {
    const values = withValues({ typha: { resources: { requests: { cpu: '700m', memory: '1.5Gi' }, limits: { cpu: null, memory: null } } } });
    assert.deepEqual(hitsOf(resourcesRequestAboveLimit, clusterOf(values)), []);
  });
  test('quantities compare across units', () => {
    const same = (a: string | number, b: string | number) => quantityNanos(a)! === quantityNanos(b)!;
    assert.ok(same('1.5Gi', 1.5 * 2 ** 30));
    assert.ok(same('300m', '0.3'), 'exact: no floating-point residue');
    assert.ok(same('1e3', '1k'));
    assert.ok(same('2', 2));
    assert.ok(quantityNanos('1025Mi')! > quantityNanos('1Gi')!);
    assert.equal(quantityNanos('lots'), undefined);
    assert.equal(quantityNanos('.'), undefined);
    const values = withValues({ calicoNode: { resources: { requests: { memory: '1000Mi' }, limits: { memory: '1Gi' } } } });
    assert.deepEqual(hitsOf(resourcesRequestAboveLimit, clusterOf(values)), []);
  });
});

describe('values-key-unread', () => {
  test('a top-level key one letter off a chart key is an info naming the chart key', () => {
    const hits = hitsOf(valuesKeyUnread, clusterOf(withValues({ IPPool: { x: { cidr: '10.0.0.0/8' } }, bgppeers: {} })));
    assert.deepEqual(hits.map((h) => [h.path, h.message.match(/did you mean "(\w+)"/)?.[1]]), [['/IPPool', 'IPPools'], ['/bgppeers', 'BGPPeers']]);
    assert.equal(valuesKeyUnread.severity, 'info');
  });
  test('other teams\' top-level keys in shared files are not worth a word', () => {
    const values = withValues({ namespaces: {}, limitranges: {}, core: {}, docker: {}, chartVersions: {}, cluster_group: 'main', istio: {} });
    assert.deepEqual(hitsOf(valuesKeyUnread, clusterOf(values)), []);
  });
});

test('a valid dual-stack cluster raises no cluster finding at all', () => {
  const cluster = clusterOf(baseValues(), { expectedNodes: 100 });
  assert.deepEqual(clusterRules.flatMap((rule) => rule.check(cluster).map((h) => `${rule.id}: ${h.message}`)), []);
});

test('every cluster rule has a kebab-case id, a one-line description and a unique id', () => {
  const ids = clusterRules.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const rule of clusterRules) {
    assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(rule.description.length > 10 && !rule.description.includes('\n'), rule.id);
  }
});
