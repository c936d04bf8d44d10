import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadDefinition } from '../support/load';
import { resolveCluster, type ResolvedCluster } from '../../src/resolve/resolve';
import { emitValues } from '../../src/values/emit';
import { projectRoot } from '../support/cli';

function exampleCluster(name: string): ResolvedCluster {
  const result = resolveCluster(loadDefinition(name, path.join(projectRoot, 'clusters', `${name}.ts`)));
  assert.ok(result.ok, JSON.stringify(!result.ok && result.findings));
  return result.cluster;
}

test('values carry exactly the keys of the chart interface, in a stable order', () => {
  const values = emitValues(exampleCluster('ams-main').spec);
  assert.deepEqual(Object.keys(values), [
    'image', 'BGPConfiguration', 'GenericBGPCommunity', 'PeerAS', 'ASLoop', 'BGPPeers', 'IPPools', 'IPAMConfig',
    'GlobalNetworkPolicies', 'IPv6Support', 'bpf', 'veth_mtu', 'typha', 'calicoNode', 'kubeControllers', 'cni',
  ]);
});

test('shared layers reach the values: fleet routers, group policies, cluster pools', () => {
  const values = emitValues(exampleCluster('fra-main').spec);
  assert.equal(Object.keys(values.BGPPeers).length, 10);
  assert.deepEqual(values.BGPPeers['cr1-fra'], {
    ipv4: '198.51.100.1',
    ipv6: '2001:db8:f00:ffff::1',
    nodeSelector: "(topology.kubernetes.io/region == 'fra' && topology.kubernetes.io/zone in {'row-c1', 'row-c2', 'row-d1'})",
  });
  assert.deepEqual(Object.keys(values.GlobalNetworkPolicies), ['allow-all-icmp', 'allow-kube-dns', 'default-deny']);
  assert.deepEqual(values.IPPools, { ipv4: { cidr: '10.72.0.0/17' }, ipv6: { cidr: '2001:db8:f00:c000::/64' } });
  assert.deepEqual(values.BGPConfiguration, {
    asNumber: 64602,
    nodeToNodeMeshEnabled: false,
    serviceClusterIPs: [{ cidr: '10.72.128.0/20' }, { cidr: '2001:db8:f00:c001::/108' }],
  });
  assert.equal(values.IPAMConfig.strictAffinity, true);
  assert.equal(values.PeerAS, 65000);
});

test('the image tag is the bare version, and the canary keeps its own', () => {
  assert.equal(emitValues(exampleCluster('ams-main').spec).image.tag, '3.30.7');
  assert.equal(emitValues(exampleCluster('ams-staging').spec).image.tag, '3.31.3');
});

test('a default the definition removes is written as null, so that Helm does not merge it back', () => {
  const values = emitValues(exampleCluster('ams-main').spec);
  assert.deepEqual(values.kubeControllers.resources, { requests: { cpu: '300m', memory: '2Gi' }, limits: { cpu: null, memory: null } });
  assert.deepEqual(values.calicoNode.resources, { requests: { cpu: '700m', memory: '1Gi' }, limits: { memory: null } });
});

test('veth MTU is a string: "0" for auto-detection, the number otherwise', () => {
  const spec = exampleCluster('ams-ml').spec;
  assert.equal(emitValues(spec).veth_mtu, '0');
  assert.equal(emitValues({ ...spec, vethMtu: 8950 }).veth_mtu, '8950');
});

test('pool blockSize appears only when the definition sets it', () => {
  const values = emitValues(exampleCluster('ams-ml').spec);
  assert.deepEqual(values.IPPools.ipv4, { cidr: '10.65.0.0/20', blockSize: 27 });
  assert.deepEqual(values.IPPools.ipv6, { cidr: '2001:db8:a00:e000::/64' });
});
