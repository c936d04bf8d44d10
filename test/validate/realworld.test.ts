import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { KubeObject } from '../../src/core/kube';
import { checkObjects } from '../../src/validate/check-objects';
import { realworldValuesDir } from '../support/fixtures';

/** The real fleet's values (test/fixtures/realworld), turned into objects the way the chart does
 * (docs/values-interface.md): they must pass every object rule. */
const valuesDir = realworldValuesDir;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- YAML values of any shape
type Values = Record<string, any>;

function load(file: string): Values {
  return existsSync(file) ? (YAML.parse(readFileSync(file, 'utf8')) ?? {}) : {};
}

function calico(kind: string, name: string, spec: Values): KubeObject {
  return { apiVersion: 'crd.projectcalico.org/v1', kind, metadata: { name }, spec };
}

function objectsFor(cluster: string, common: Values, bgp: Values): KubeObject[] {
  const values = load(path.join(valuesDir, cluster, 'calico-values.yaml'));
  const pools = Object.entries<Values>(values.IPPools ?? {});
  const objects = pools.map(([name, spec]) => calico('IPPool', name, { ipipMode: 'Never', vxlanMode: 'Never', ...spec }));
  const bgpConfig: Values = { ...(values.BGPConfiguration ?? {}) };
  if (Object.keys(bgpConfig).length > 0 && !bgpConfig.prefixAdvertisements) {
    bgpConfig.prefixAdvertisements = pools.map(([, spec]) => ({ cidr: spec.cidr, communities: ['14907:14'] }));
  }
  objects.push(calico('BGPConfiguration', 'default', bgpConfig));
  for (const [router, peer] of Object.entries<Values>(bgp.BGPPeers ?? {})) {
    for (const family of ['ipv4', 'ipv6']) {
      objects.push(
        calico('BGPPeer', `${router}-${family}`, {
          nodeSelector: peer.nodeSelector,
          asNumber: bgp.PeerAS,
          peerIP: peer[family],
          numAllowedLocalASNumbers: bgp.ASLoop,
        }),
      );
    }
  }
  objects.push(calico('IPAMConfig', 'default', { autoAllocateBlocks: true, maxBlocksPerHost: 0, strictAffinity: false, ...common.IPAMConfig }));
  return objects;
}

test('the real fleet passes every object rule', () => {
  const common = load(path.join(valuesDir, 'common.yaml'));
  const bgp = load(path.join(valuesDir, 'common-bgp.yaml'));
  const clusters = readdirSync(valuesDir).filter((d) => existsSync(path.join(valuesDir, d, 'calico-values.yaml')));
  assert.ok(clusters.length >= 10);
  for (const cluster of clusters) {
    const findings = checkObjects(objectsFor(cluster, common, bgp), cluster).filter((f) => f.severity !== 'info');
    assert.deepEqual(findings, [], cluster);
  }
});
