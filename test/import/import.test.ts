import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { synthesizeFleet } from '../support/pipeline';
import { importAndWrite, importProblems, importTree, smallTree, typeErrors, valuesProject } from './support';

const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, 'clusters', file), 'utf8');

test('each values layer becomes one module: routers, fleet defaults, the group, each cluster', async () => {
  const dir = valuesProject(smallTree());
  const { files } = await importAndWrite(dir);
  assert.deepEqual(files.map((f) => f.path).sort(), ['ams-main.ts', 'main-fra.ts', 'shared/fleet.ts', 'shared/groups/main.ts', 'shared/routers.ts']);
  assert.match(read(dir, 'shared/fleet.ts'), /ipam: \{\n\s+\/\/ no borrowing\n\s+strictAffinity: true,/);
  assert.match(read(dir, "shared/fleet.ts"), /peers: allRouters\b/);
  assert.match(read(dir, 'shared/groups/main.ts'), /export const mainGroup = defineLayer\(\{\n  group: 'main',/);
  assert.match(read(dir, 'shared/groups/main.ts'), /typha: \{ resources: \{ limits: \{ cpu: null \} \} \}/);
  const cluster = read(dir, 'ams-main.ts');
  assert.match(cluster, /export default defineCluster\(fleetDefaults, mainGroup, \{/);
  assert.match(cluster, /bgp: \{ asNumber: 64601, nodeToNodeMesh: false \}/);
  assert.match(cluster, /calicoNode: \{ resources: \{ limits: \{ memory: null \} \} \}/);
  assert.match(cluster, /\/\/ MTU of the data-centre network minus IPIP\n  vethMtu: 1460,/);
  // what only the fleet layer says is nowhere else
  for (const file of ['ams-main.ts', 'main-fra.ts', 'shared/groups/main.ts']) assert.doesNotMatch(read(dir, file), /65000|192\.0\.2\.1/);
});

test('routers are defined once, named after their data, with shared selectors named once', async () => {
  const dir = valuesProject(smallTree());
  await importAndWrite(dir);
  const routers = read(dir, 'shared/routers.ts');
  assert.match(routers, /cr1Ams: defineRouter\(\{ name: 'cr1-ams', ipv4: '192\.0\.2\.1', ipv6: '2001:db8::1', nodeSelector: crAmsSelector \}\)/);
  assert.match(routers, /cr2Ams: defineRouter\(\{ name: 'cr2-ams', .* nodeSelector: crAmsSelector \}\)/);
  assert.match(routers, /const crAmsSelector = "\(topology\.kubernetes\.io\/region == 'ams' && topology\.kubernetes\.io\/zone in \{'a', 'b'\}\)";/);
  assert.match(routers, /\/\/ the first rack\n  lsw1A1Ams: defineRouter\(\{ .* nodeSelector: inRack\('ams', 'row-a1'\) \}\)/);
  assert.equal(routers.match(/192\.0\.2\.1'/g)?.length, 1);
});

test('the definitions type-check, load, and synthesise each cluster\'s layered values', async () => {
  const dir = valuesProject(smallTree());
  const { clustersDir } = await importAndWrite(dir);
  assert.deepEqual(typeErrors(clustersDir), []);
  const fleet = await synthesizeFleet({ clustersDir });
  assert.deepEqual(fleet.clusters.map((c) => c.cluster.name), ['ams-main', 'main-fra']);
  const values = (name: string) => fleet.clusters.find((c) => c.cluster.name === name)!.values;
  assert.deepEqual(values('ams-main').calicoNode.resources.limits, { memory: null });
  assert.deepEqual(values('ams-main').typha.resources.limits, { cpu: null, memory: '150Mi' });
  assert.equal(values('ams-main').veth_mtu, '1460');
  assert.deepEqual(values('main-fra').IPPools.ipv4, { cidr: '10.72.0.0/17', blockSize: 27 });
  assert.equal(values('main-fra').typha.replicaCount, 3);
  assert.deepEqual(Object.keys(values('main-fra').BGPPeers), ['cr1-ams', 'cr2-ams', 'lsw1-a1-ams']);
  assert.equal(values('main-fra').image.tag, '3.30.7');
});

test('keys of other releases are left alone and listed; the chart\'s keys are listed per file', async () => {
  const dir = valuesProject(smallTree());
  const fleet = await importTree(dir);
  assert.deepEqual(fleet.ignoredKeys.get(path.join('values', 'common.yaml')), ['namespaces']);
  assert.deepEqual(fleet.ignoredKeys.get(path.join('values', 'main.yaml')), ['cluster_group']);
  assert.deepEqual(fleet.chartKeys.get(path.join('values', 'common-bgp.yaml')), ['PeerAS', 'ASLoop', 'BGPPeers']);
});

test('a cluster takes the group named by --group, or the one its name starts with', async () => {
  const dir = valuesProject(smallTree());
  const fleet = await importTree(dir);
  assert.deepEqual(
    fleet.clusters.map((c) => [c.layout.name, c.layout.group, c.layout.groupFrom]),
    [
      ['ams-main', 'main', 'flag'],
      ['main-fra', 'main', 'name'],
    ],
  );
  await assert.rejects(() => importTree(dir, []), /no group for cluster ams-main: name it with --group GROUP=ams-main \(groups are the files main\.yaml\)/);
  await assert.rejects(() => importTree(dir, ['main=ams-main,nowhere']), /--group main=nowhere: no folder nowhere\/ with a calico-values\.yaml/);
  await assert.rejects(() => importTree(dir, ['ml=ams-main']), /--group ml=ams-main: no group file ml\.yaml/);
});

test('an amended pool is written whole; removing one key of a lower pool is refused', async () => {
  const tree = smallTree();
  tree['main.yaml'] += 'IPPools:\n  ipv4:\n    cidr: "10.99.0.0/16"\n    blockSize: 27\n';
  tree['ams-main/calico-values.yaml'] = tree['ams-main/calico-values.yaml']!.replace('    cidr: "10.64.0.0/17"\n', '    natOutgoing: true\n');
  const dir = valuesProject(tree);
  await importAndWrite(dir);
  assert.match(read(dir, 'ams-main.ts'), /ipv4: \{ cidr: '10\.99\.0\.0\/16', blockSize: 27, natOutgoing: true \}/);

  const removing = smallTree();
  removing['main.yaml'] += 'IPPools:\n  ipv4:\n    cidr: "10.99.0.0/16"\n    blockSize: 27\n';
  removing['ams-main/calico-values.yaml'] = removing['ams-main/calico-values.yaml']!.replace('    cidr: "10.64.0.0/17"\n', '    blockSize: ~\n');
  const [problem] = await importProblems(valuesProject(removing));
  assert.equal(problem!.keyPath, 'IPPools.ipv4.blockSize');
  assert.match(problem!.message, /replaces pools whole/);
});

test('a cluster overriding one key of a group policy keeps the rest of it, as helmfile does', async () => {
  const tree = smallTree();
  tree['ams-main/values.yaml'] += 'GlobalNetworkPolicies:\n  default-deny:\n    types: [Ingress]\n';
  const dir = valuesProject(tree);
  const { clustersDir } = await importAndWrite(dir);
  // the model replaces a policy whole: the cluster's layer restates the group's selector
  assert.match(read(dir, 'ams-main.ts'), /'default-deny': \{ namespaceSelector: 'has\(projectcalico\.org\/name\)', types: \['Ingress'\] \}/);
  const values = (await synthesizeFleet({ clustersDir, only: ['ams-main'] })).clusters[0]!.values;
  assert.deepEqual(values.GlobalNetworkPolicies['default-deny'], { namespaceSelector: 'has(projectcalico.org/name)', types: ['Ingress'] });
});

test("a cluster's site is the part of its name its routers select nodes by, else the last part", async () => {
  const dir = valuesProject(smallTree());
  await importAndWrite(dir);
  // the routers select topology.kubernetes.io/region == 'ams': ams-main is in ams, not "main"
  assert.match(read(dir, 'ams-main.ts'), /^ {2}site: 'ams',$/m);
  // main-fra names no region the routers select: the last part of its name
  assert.match(read(dir, 'main-fra.ts'), /^ {2}site: 'fra',$/m);
});
