import { test } from 'node:test';
import assert from 'node:assert/strict';
import { App } from 'cdk8s';
import { synthManifests } from '../../src/synth/manifests';
import type { KubeObject } from '../../src/core/kube';
import { CHART, effectiveValues } from '../../src/model/chart-defaults';
import { CalicoChart } from '../../charts-src/calico-chart';
import { BgpPeersChart, bgpPeersInput } from '../../charts-src/bgp-peers-chart';

const release = { name: 'calico', namespace: 'kube-system' };

function values(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    image: { repository: 'registry.example.net', tag: '3.30.7', pullPolicy: 'IfNotPresent' },
    BGPConfiguration: { asNumber: 64601, nodeToNodeMeshEnabled: false },
    GenericBGPCommunity: '65000:14',
    PeerAS: 65000,
    ASLoop: 1,
    BGPPeers: {
      'cr1-ams': { ipv4: '192.0.2.1', ipv6: '2001:db8::1', nodeSelector: "region == 'ams'" },
      'lsw1-a1-ams': { ipv4: '10.10.1.1', ipv6: '2001:db8:1::1', nodeSelector: "zone == 'row-a1'" },
    },
    IPPools: { ipv4: { cidr: '10.64.0.0/17', natOutgoing: true }, ipv6: { cidr: '2001:db8:c000::/64', vxlanMode: 'CrossSubnet' } },
    ...overrides,
  };
}

const find = (objects: KubeObject[], kind: string, name: string) => {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  assert.ok(found, `${kind}/${name} not synthesised`);
  return found;
};

test('two BGPPeers per router, with the peer AS and the AS loop count', () => {
  const objects = synthManifests(values(), release);
  assert.deepEqual(
    objects.filter((o) => o.kind === 'BGPPeer').map((o) => o.metadata.name),
    ['cr1-ams-ipv4', 'cr1-ams-ipv6', 'lsw1-a1-ams-ipv4', 'lsw1-a1-ams-ipv6'],
  );
  assert.deepEqual(find(objects, 'BGPPeer', 'cr1-ams-ipv6').spec, {
    asNumber: 65000,
    nodeSelector: "region == 'ams'",
    numAllowedLocalASNumbers: 1,
    peerIP: '2001:db8::1',
  });
});

test('IP pools get ipipMode/vxlanMode Never where unset, and natOutgoing under its real key', () => {
  const objects = synthManifests(values(), release);
  assert.deepEqual(find(objects, 'IPPool', 'ipv4').spec, { cidr: '10.64.0.0/17', ipipMode: 'Never', vxlanMode: 'Never', natOutgoing: true });
  assert.deepEqual(find(objects, 'IPPool', 'ipv6').spec, { cidr: '2001:db8:c000::/64', ipipMode: 'Never', vxlanMode: 'CrossSubnet' });
});

test('BGPConfiguration advertises every pool with the generic community unless told otherwise', () => {
  const generated = find(synthManifests(values(), release), 'BGPConfiguration', 'default').spec!;
  assert.deepEqual(generated.prefixAdvertisements, [
    { cidr: '10.64.0.0/17', communities: ['65000:14'] },
    { cidr: '2001:db8:c000::/64', communities: ['65000:14'] },
  ]);
  const explicit = [{ cidr: '10.64.0.0/18', communities: ['65000:99'] }];
  const written = find(
    synthManifests(values({ BGPConfiguration: { asNumber: 64601, prefixAdvertisements: explicit } }), release),
    'BGPConfiguration',
    'default',
  ).spec!;
  assert.deepEqual(written.prefixAdvertisements, explicit);
});

test('no BGPConfiguration when the values leave it empty', () => {
  const objects = synthManifests(values({ BGPConfiguration: {} }), release);
  assert.equal(objects.filter((o) => o.kind === 'BGPConfiguration').length, 0);
});

test('IPAMConfig default always carries all three fields, with the chart defaults', () => {
  const spec = find(synthManifests(values(), release), 'IPAMConfig', 'default').spec;
  assert.deepEqual(spec, { autoAllocateBlocks: true, maxBlocksPerHost: 0, strictAffinity: false });
});

test('images are <repository>/<imageName>:v<tag>, falling back to the appVersion', () => {
  const images = (objects: KubeObject[]) =>
    objects.flatMap((o) => ((o.spec?.template as { spec?: { containers?: { image: string }[] } })?.spec?.containers ?? []).map((c) => c.image));
  assert.deepEqual(images(synthManifests(values(), release)), [
    'registry.example.net/calico/node:v3.30.7',
    'registry.example.net/calico/typha:v3.30.7',
    'registry.example.net/calico/kube-controllers:v3.30.7',
  ]);
  const untagged = values({ image: { repository: 'r.example', tag: '' } });
  assert.ok(images(synthManifests(untagged, release)).every((image) => image.endsWith(':v3.30.7')));
});

test('every object carries the chart labels; workloads live in the release namespace', () => {
  const objects = synthManifests(values(), { name: 'calico-canary', namespace: 'calico-system' });
  for (const object of objects) {
    assert.deepEqual(object.metadata.labels && {
      chart: object.metadata.labels['helm.sh/chart'],
      instance: object.metadata.labels['app.kubernetes.io/instance'],
      managedBy: object.metadata.labels['app.kubernetes.io/managed-by'],
    }, { chart: 'calico-0.5.2', instance: 'calico-canary', managedBy: 'Helm' }, `${object.kind}/${object.metadata.name}`);
  }
  for (const kind of ['DaemonSet', 'Deployment', 'Service', 'ConfigMap', 'ServiceAccount', 'PodDisruptionBudget']) {
    const namespaced = objects.filter((o) => o.kind === kind);
    assert.ok(namespaced.length > 0 && namespaced.every((o) => o.metadata.namespace === 'calico-system'), kind);
  }
});

test('removed resource defaults stay removed; typha replicas and MTU reach the workloads', () => {
  const objects = synthManifests(
    values({ typha: { replicaCount: 3, resources: { limits: { memory: null } } }, veth_mtu: '8950' }),
    release,
  );
  const typha = find(objects, 'Deployment', 'calico-typha').spec as { replicas: number; template: { spec: { containers: { resources: unknown }[] } } };
  assert.equal(typha.replicas, 3);
  assert.deepEqual(typha.template.spec.containers[0]!.resources, { limits: { cpu: '150m' }, requests: { cpu: '150m', memory: '150Mi' } });
  assert.deepEqual(find(objects, 'ConfigMap', 'calico-config').data, { calico_backend: 'bird', typha_service_name: 'calico-typha', veth_mtu: '8950' });
});

test('the chart emits the workloads, RBAC and the Calico objects, nothing else', () => {
  const kinds = new Set(synthManifests(values(), release).map((o) => o.kind));
  assert.deepEqual([...kinds].sort(), [
    'BGPConfiguration', 'BGPPeer', 'ClusterRole', 'ClusterRoleBinding', 'ConfigMap', 'DaemonSet', 'Deployment',
    'IPAMConfig', 'IPPool', 'PodDisruptionBudget', 'Service', 'ServiceAccount',
  ]);
});

/** What cdk8s renders for the values with no object rendered once and shared between clusters. */
function renderedAfresh(values: Record<string, unknown>, release: { name: string; namespace: string }): unknown[] {
  const input = { values: effectiveValues(values), release, chart: CHART };
  return [new CalicoChart(new App(), release.name, input), new BgpPeersChart(new App(), 'bgppeers', bgpPeersInput(input))].flatMap((chart) => chart.toJson());
}

test('objects rendered once for the fleet are what cdk8s renders for each cluster alone', () => {
  const cases: [Record<string, unknown>, typeof release][] = [
    [values(), release],
    // the same routers under another release, AS and AS loop: nothing may come from the first
    [values({ PeerAS: 65010, ASLoop: 2 }), { name: 'calico-canary', namespace: 'calico-system' }],
    [values({ PeerAS: 65010, ASLoop: 2 }), release],
    [values(), release],
  ];
  for (const [clusterValues, clusterRelease] of cases) {
    const objects = synthManifests(clusterValues, clusterRelease);
    assert.deepEqual(objects, renderedAfresh(clusterValues, clusterRelease));
  }
  const canaryPeer = find(synthManifests(values({ PeerAS: 65010 }), { name: 'calico-canary', namespace: 'calico-system' }), 'BGPPeer', 'cr1-ams-ipv4');
  assert.equal(canaryPeer.metadata.labels?.['app.kubernetes.io/instance'], 'calico-canary');
  assert.equal(canaryPeer.spec?.asNumber, 65010);
});

test('objects shared between clusters cannot be changed by one of them', () => {
  const peer = find(synthManifests(values(), release), 'BGPPeer', 'cr1-ams-ipv4');
  assert.throws(() => {
    (peer.spec as Record<string, unknown>).peerIP = '192.0.2.99';
  }, TypeError);
  assert.equal(find(synthManifests(values(), release), 'BGPPeer', 'cr1-ams-ipv4').spec?.peerIP, '192.0.2.1');
});
