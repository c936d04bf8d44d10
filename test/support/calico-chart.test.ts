// The fixture calico chart, rendered by the real helm: it must follow the
// values interface in docs/values-interface.md, so golden and end-to-end tests can use it as
// the reference for what the real chart makes of calico-gen's values.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { parseAllDocuments, stringify } from 'yaml';
import { realworldValuesDir } from './fixtures';
import { helmPath, projectRoot } from './k8s-tools';
import { isolatedEnv } from './run-tool';

type Obj = Record<string, any>;

const CHART = join(projectRoot(), 'test', 'fixtures', 'calico-chart');
const REALWORLD = realworldValuesDir;
const scratch = mkdtempSync(join(tmpdir(), 'calico-chart-test-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function render(valuesFiles: string[], release = 'calico'): Obj[] {
  const args = ['template', release, CHART, ...valuesFiles.flatMap((f) => ['-f', f])];
  const out = execFileSync(helmPath(), args, { encoding: 'utf8', env: isolatedEnv(scratch) });
  return parseAllDocuments(out).map((d) => d.toJS()).filter((o) => o);
}

let written = 0;
function valuesFile(values: Obj): string {
  const path = join(scratch, `values-${written++}.yaml`);
  writeFileSync(path, stringify(values));
  return path;
}

const named = (objects: Obj[], kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name);

describe('fixture calico chart', () => {
  test('chart defaults alone: BGPConfiguration with an empty spec and IPAMConfig defaults', () => {
    const objects = render([]);
    assert.deepEqual(objects.map((o) => o.kind), ['BGPConfiguration', 'IPAMConfig']);
    assert.deepEqual(objects[0].spec, {});
    assert.deepEqual(objects[1].spec, { autoAllocateBlocks: true, maxBlocksPerHost: 0, strictAffinity: false });
  });

  test('every object: Calico v1 API, cluster-scoped, the chart labels', () => {
    for (const o of render([valuesFile({ IPPools: { ipv4: { cidr: '10.0.0.0/16' } } })], 'rel')) {
      assert.equal(o.apiVersion, 'crd.projectcalico.org/v1');
      assert.equal(o.metadata.namespace, undefined);
      assert.deepEqual(o.metadata.labels, {
        'helm.sh/chart': 'calico-0.5.2',
        'app.kubernetes.io/name': 'calico',
        'app.kubernetes.io/instance': 'rel',
        'app.kubernetes.io/version': '3.30.7',
        'app.kubernetes.io/managed-by': 'Helm',
      });
    }
  });

  test('IPPools keep their types and get vxlanMode/ipipMode Never only where absent', () => {
    const objects = render([valuesFile({ IPPools: { a: { cidr: '10.0.0.0/16', blockSize: 26, vxlanMode: 'Always', natOutgoing: false }, b: { cidr: 'fd00::/64' } } })]);
    assert.deepEqual(named(objects, 'IPPool', 'a')!.spec, { cidr: '10.0.0.0/16', blockSize: 26, vxlanMode: 'Always', ipipMode: 'Never', natOutgoing: false });
    assert.deepEqual(named(objects, 'IPPool', 'b')!.spec, { cidr: 'fd00::/64', vxlanMode: 'Never', ipipMode: 'Never' });
  });

  test('BGPConfiguration gets one advertisement per pool unless given its own', () => {
    const pools = { IPPools: { v4: { cidr: '10.0.0.0/16' }, v6: { cidr: 'fd00::/64' } } };
    const generated = named(render([valuesFile({ ...pools, BGPConfiguration: { asNumber: 64602 }, GenericBGPCommunity: '65000:1' })]), 'BGPConfiguration', 'default')!;
    assert.deepEqual(generated.spec, {
      asNumber: 64602,
      prefixAdvertisements: [{ cidr: '10.0.0.0/16', communities: ['65000:1'] }, { cidr: 'fd00::/64', communities: ['65000:1'] }],
    });
    const given = [{ cidr: '10.0.0.0/8', communities: ['1:1'] }];
    const own = named(render([valuesFile({ ...pools, BGPConfiguration: { asNumber: 1, prefixAdvertisements: given } })]), 'BGPConfiguration', 'default')!;
    assert.deepEqual(own.spec.prefixAdvertisements, given);
  });

  test('IPAMConfig keeps an explicit false and fills the rest', () => {
    const ipam = named(render([valuesFile({ IPAMConfig: { autoAllocateBlocks: false, maxBlocksPerHost: 4 } })]), 'IPAMConfig', 'default')!;
    assert.deepEqual(ipam.spec, { autoAllocateBlocks: false, maxBlocksPerHost: 4, strictAffinity: false });
  });

  test('~ in a later values file removes a pool, a spec key, a policy field', () => {
    const lower = valuesFile({ IPPools: { keep: { cidr: '10.0.0.0/16', vxlanMode: 'Always' }, gone: { cidr: '10.1.0.0/16' } }, GlobalNetworkPolicies: { p: { order: 10, selector: 'all()' } } });
    const upper = valuesFile({ IPPools: { keep: { vxlanMode: null }, gone: null }, GlobalNetworkPolicies: { p: { selector: null } } });
    const objects = render([lower, upper]);
    assert.deepEqual(objects.filter((o) => o.kind === 'IPPool').map((o) => o.metadata.name), ['keep']);
    assert.equal(named(objects, 'IPPool', 'keep')!.spec.vxlanMode, 'Never');
    assert.deepEqual(named(objects, 'GlobalNetworkPolicy', 'p')!.spec, { order: 10 });
  });

  test('the real fleet layering for codfw', () => {
    const layers = ['common.yaml', 'common-bgp.yaml', 'main.yaml', 'codfw/values.yaml', 'codfw/calico-values.yaml'];
    const objects = render(layers.map((f) => join(REALWORLD, f)));
    const count = (kind: string) => objects.filter((o) => o.kind === kind).length;
    assert.deepEqual([count('IPPool'), count('BGPConfiguration'), count('IPAMConfig'), count('GlobalNetworkPolicy')], [2, 1, 1, 9]);
    assert.equal(count('BGPPeer') % 2, 0);
    assert.deepEqual(named(objects, 'BGPPeer', 'cr1-codfw-ipv6')!.spec, {
      asNumber: 14907,
      nodeSelector: "(topology.kubernetes.io/region == 'codfw' && topology.kubernetes.io/zone in {'ganeti-codfw-a', 'ganeti-codfw-b', 'ganeti-codfw-c', 'ganeti-codfw-d' })",
      numAllowedLocalASNumbers: 1,
      peerIP: '2620:0:860:ffff::1',
    });
    assert.deepEqual(named(objects, 'IPAMConfig', 'default')!.spec, { autoAllocateBlocks: true, maxBlocksPerHost: 0, strictAffinity: true });
    assert.deepEqual(named(objects, 'BGPConfiguration', 'default')!.spec.prefixAdvertisements, [
      { cidr: '10.194.128.0/17', communities: ['14907:14'] },
      { cidr: '2620:0:860:cabe::/64', communities: ['14907:14'] },
    ]);
    assert.deepEqual(named(objects, 'GlobalNetworkPolicy', 'allow-dns')!.spec.egress[0].destination.ports, [53]);
  });
});
