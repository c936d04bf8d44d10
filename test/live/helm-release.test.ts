import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { decodeReleaseSecret, newestRelease } from '../../src/live/helm-release';
import type { KubeObject } from '../../src/core/kube';
import { helmReleaseSecret } from '../support/fake-apiserver';

const chart = { name: 'calico', version: '0.5.2', appVersion: '3.30.7' };
const manifest = '---\n# Source: calico/templates/ippool.yaml\napiVersion: crd.projectcalico.org/v1\nkind: IPPool\nmetadata:\n  name: ipv4\nspec:\n  cidr: 10.0.0.0/16\n---\n# Source: calico/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: calico-config\n  namespace: kube-system\n';

test('decodes a release Secret as Helm writes it: values, chart, status, manifest objects', () => {
  const release = decodeReleaseSecret(helmReleaseSecret({ name: 'calico', namespace: 'kube-system', version: 4, status: 'deployed', chart, config: { veth_mtu: '1450' }, manifest }));
  assert.deepEqual(release, {
    name: 'calico',
    namespace: 'kube-system',
    revision: 4,
    status: 'deployed',
    chart,
    config: { veth_mtu: '1450' },
    manifest: [
      { apiVersion: 'crd.projectcalico.org/v1', kind: 'IPPool', name: 'ipv4', namespace: undefined },
      { apiVersion: 'v1', kind: 'ConfigMap', name: 'calico-config', namespace: 'kube-system' },
    ],
  });
});

test('the newest revision wins, whatever its status; other releases and namespaces do not count', () => {
  const secrets = [
    helmReleaseSecret({ name: 'calico', namespace: 'kube-system', version: 9, status: 'superseded', chart, config: {}, manifest: '' }),
    helmReleaseSecret({ name: 'calico', namespace: 'kube-system', version: 10, status: 'pending-upgrade', chart, config: { a: 1 }, manifest: '' }),
    helmReleaseSecret({ name: 'calico-extra', namespace: 'kube-system', version: 11, chart, config: {}, manifest: '' }),
    helmReleaseSecret({ name: 'calico', namespace: 'other', version: 12, chart, config: {}, manifest: '' }),
  ];
  const newest = newestRelease(secrets, 'calico', 'kube-system');
  assert.deepEqual([newest?.revision, newest?.status, newest?.config], [10, 'pending-upgrade', { a: 1 }]);
  assert.equal(newestRelease(secrets.slice(2, 3), 'calico', 'kube-system'), null);
});

test('a release stored without gzip decodes too; garbage is a located one-line error', () => {
  const record = { name: 'calico', namespace: 'kube-system', version: 1, info: { status: 'deployed' }, chart: { metadata: chart }, config: {}, manifest: '' };
  const plain: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'sh.helm.release.v1.calico.v1', namespace: 'kube-system' }, data: { release: Buffer.from(Buffer.from(JSON.stringify(record)).toString('base64')).toString('base64') } };
  assert.equal(decodeReleaseSecret(plain).status, 'deployed');
  const broken = { ...plain, data: { release: Buffer.from(Buffer.from(gzipSync('{not json')).toString('base64')).toString('base64') } };
  assert.throws(() => decodeReleaseSecret(broken), /^UserError: Secret kube-system\/sh\.helm\.release\.v1\.calico\.v1: cannot decode the Helm release \(base64, gzip, JSON\): [^\n]+$/);
});

test('a release Secret that inflates past the input limit (a gzip bomb) is a one-line error, not gigabytes', () => {
  // 300 members of 1 MiB of zeros each: 300 KB that inflate to 300 MiB
  const member = gzipSync(Buffer.alloc(2 ** 20));
  const bomb = Buffer.concat(Array.from({ length: 300 }, () => member));
  const secret = { apiVersion: 'v1', kind: 'Secret', type: 'helm.sh/release.v1', metadata: { name: 'sh.helm.release.v1.calico.v1', namespace: 'kube-system' }, data: { release: Buffer.from(bomb.toString('base64')).toString('base64') } } as unknown as KubeObject;
  assert.throws(() => decodeReleaseSecret(secret), /^UserError: Secret kube-system\/sh\.helm\.release\.v1\.calico\.v1: cannot decode the Helm release \(base64, gzip, JSON\): Cannot create a Buffer larger than 268435456 bytes$/);
});
