/**
 * The values are typed and quoted as Helm reads them: real `helm template` of each committed
 * values file, through a chart implementing the values interface, yields the same Calico objects
 * as the committed manifests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { helmPath } from '../support/k8s-tools';
import { projectRoot, tempDir } from '../support/cli';
import { type KubeObject } from '../../src/core/kube';
import { CALICO_API_VERSION } from '../../src/core/calico';

const chart = path.join(projectRoot, 'test', 'fixtures', 'calico-chart');
const generated = path.join(projectRoot, 'generated');

function calicoObjects(yamlText: string): KubeObject[] {
  return parseAllDocuments(yamlText)
    .map((document) => document.toJS() as KubeObject | null)
    .filter((object): object is KubeObject => object?.apiVersion === CALICO_API_VERSION)
    .sort((a, b) => `${a.kind}/${a.metadata.name}`.localeCompare(`${b.kind}/${b.metadata.name}`));
}

function helmTemplate(valuesFile: string): string {
  const home = tempDir('helm');
  return execFileSync(helmPath(), ['template', 'calico', chart, '--namespace', 'kube-system', '-f', valuesFile], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: home, HELM_CACHE_HOME: home, HELM_CONFIG_HOME: home, HELM_DATA_HOME: home },
  });
}

const clusters = fs.readdirSync(generated).filter((entry) => fs.existsSync(path.join(generated, entry, 'calico-values.yaml')));

test('the example fleet has generated values to check', () => {
  assert.ok(clusters.length >= 4, `only ${clusters.length} clusters in generated/`);
});

for (const cluster of clusters) {
  test(`helm template of generated/${cluster}/calico-values.yaml renders the Calico objects of manifests.yaml`, () => {
    const rendered = calicoObjects(helmTemplate(path.join(generated, cluster, 'calico-values.yaml')));
    const synthesised = calicoObjects(fs.readFileSync(path.join(generated, cluster, 'manifests.yaml'), 'utf8'));
    assert.ok(synthesised.length > 20);
    assert.deepEqual(rendered, synthesised);
  });
}

test('values Helm would misread are quoted: the community stays a string, AS numbers stay integers', () => {
  const rendered = calicoObjects(helmTemplate(path.join(generated, clusters[0]!, 'calico-values.yaml')));
  const bgpConfiguration = rendered.find((o) => o.kind === 'BGPConfiguration')!;
  const advertisements = bgpConfiguration.spec!.prefixAdvertisements as { communities: unknown[] }[];
  assert.equal(typeof advertisements[0]!.communities[0], 'string');
  assert.equal(typeof bgpConfiguration.spec!.asNumber, 'number');
  const peer = rendered.find((o) => o.kind === 'BGPPeer' && o.metadata.name.endsWith('-ipv6'))!;
  assert.equal(typeof peer.spec!.peerIP, 'string');
  assert.equal(typeof peer.spec!.asNumber, 'number');
});
