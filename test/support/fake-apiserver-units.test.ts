// The fake API server's parts, and its wire format checked over raw HTTPS.
import { strict as assert } from 'node:assert';
import { request } from 'node:https';
import { describe, test } from 'node:test';
import type { KubeObject } from '../../src/core/kube';
import { FakeApiServer, decodeHelmReleaseSecret, helmReleaseSecret, startFakeApiServer } from './fake-apiserver';
import { parseApiPath } from './fake-apiserver/paths';
import { parseLabelSelector } from './fake-apiserver/selectors';
import { ObjectStore } from './fake-apiserver/store';
import { RESOURCE_TYPES } from './fake-apiserver/catalogue';
import { liveObjects } from './fake-apiserver-fixtures';

function getJson(server: FakeApiServer, path: string, token = server.token): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { ca: server.caPem, headers: { Authorization: `Bearer ${token}` } }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function withServer(objects: KubeObject[], fn: (s: FakeApiServer) => Promise<void>, forbidden?: string[]): Promise<void> {
  const server = await startFakeApiServer({ objects, forbidden });
  try {
    await fn(server);
  } finally {
    await server.close();
  }
}

const typeOf = (plural: string) => RESOURCE_TYPES.find((t) => t.plural === plural)!;

describe('label selectors', () => {
  const labels = { owner: 'helm', name: 'calico', status: 'deployed' };
  const cases: Array<[string, boolean]> = [
    ['owner=helm,name=calico', true],
    ['owner==helm', true],
    ['owner=helm,name=typha', false],
    ['status!=superseded', true],
    ['status in (deployed, failed)', true],
    ['status notin (deployed)', false],
    ['name,owner', true],
    ['!version', true],
    ['version', false],
  ];
  for (const [selector, expected] of cases) {
    test(`${selector} → ${expected}`, () => assert.equal(parseLabelSelector(selector)(labels), expected));
  }
  test('malformed selectors throw', () => assert.throws(() => parseLabelSelector('a b c')));
});

describe('API paths', () => {
  test('core and group paths, cluster-scoped and namespaced', () => {
    assert.deepEqual(parseApiPath('/api/v1/namespaces/kube-system/secrets'), { kind: 'collection', type: typeOf('secrets'), namespace: 'kube-system' });
    assert.deepEqual(parseApiPath('/apis/crd.projectcalico.org/v1/ippools/ipv4'), { kind: 'object', type: typeOf('ippools'), name: 'ipv4' });
    assert.deepEqual(parseApiPath('/api/v1/namespaces/kube-system'), { kind: 'object', type: typeOf('namespaces'), name: 'kube-system' });
    assert.deepEqual(parseApiPath('/apis/apps/v1/deployments'), { kind: 'collection', type: typeOf('deployments') });
  });
  test('subresources and namespaced objects without a namespace are unknown', () => {
    assert.equal(parseApiPath('/apis/apps/v1/namespaces/kube-system/deployments/x/scale').kind, 'unknown');
    assert.equal(parseApiPath('/api/v1/secrets/x').kind, 'unknown');
    assert.equal(parseApiPath('/apis/crd.projectcalico.org/v1/namespaces/x/ippools').kind, 'unknown');
  });
});

describe('stored objects', () => {
  test('Calico defaults only when asked', () => {
    const pool = liveObjects()[1];
    const plain = new ObjectStore([pool]).get(typeOf('ippools'), undefined, 'ipv6')!;
    assert.equal(plain.spec.blockSize, undefined);
    const defaulted = new ObjectStore([pool], { calicoDefaults: true }).get(typeOf('ippools'), undefined, 'ipv6')!;
    assert.equal(defaulted.spec.blockSize, 122);
    assert.equal(defaulted.spec.nodeSelector, 'all()');
  });

  test('a mutate hook runs before server metadata is filled', () => {
    const store = new ObjectStore(liveObjects(), { mutate: (o) => { if (o.kind === 'IPPool') o.spec!.disabled = true; } });
    assert.equal(store.get(typeOf('ippools'), undefined, 'ipv4')!.spec.disabled, true);
  });

  test('stringData becomes data; namespaced objects default to "default"', () => {
    const store = new ObjectStore([{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { k: 'v' } }]);
    const secret = store.get(typeOf('secrets'), 'default', 's')!;
    assert.deepEqual([secret.data, secret.stringData, secret.type], [{ k: 'dg==' }, undefined, 'Opaque']);
  });

  test('unknown kinds and duplicates are test bugs', () => {
    assert.throws(() => new ObjectStore([{ apiVersion: 'v9', kind: 'Nope', metadata: { name: 'x' } }]), /does not serve/);
    const pool = liveObjects()[0];
    assert.throws(() => new ObjectStore([pool, pool]), /two objects/);
  });
});

describe('Helm release Secrets', () => {
  test('release JSON survives the double base64 and gzip', () => {
    const secret = helmReleaseSecret({ name: 'calico', namespace: 'kube-system', version: 3, chart: { name: 'calico', version: '0.5.2', appVersion: '3.30.7' }, config: { veth_mtu: '1460' }, manifest: '---\n' });
    assert.equal(secret.metadata.name, 'sh.helm.release.v1.calico.v3');
    assert.deepEqual(secret.metadata.labels, { name: 'calico', owner: 'helm', status: 'deployed', version: '3' });
    const once = Buffer.from((secret.data as Record<string, string>).release, 'base64');
    assert.deepEqual([...Buffer.from(once.toString(), 'base64').subarray(0, 2)], [0x1f, 0x8b], 'gzip inside');
    const release = decodeHelmReleaseSecret(secret);
    assert.deepEqual([release.name, release.version, release.info.status, release.config], ['calico', 3, 'deployed', { veth_mtu: '1460' }]);
  });
});

describe('wire format', () => {
  test('unknown paths and missing objects answer 404 Status objects', () =>
    withServer(liveObjects(), async (s) => {
      const unknown = await getJson(s, '/apis/example.com/v1/widgets');
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body.reason, 'NotFound');
      const missing = await getJson(s, '/apis/crd.projectcalico.org/v1/bgppeers/nope');
      assert.deepEqual(missing.body, {
        kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
        message: 'bgppeers.crd.projectcalico.org "nope" not found', reason: 'NotFound',
        details: { name: 'nope', group: 'crd.projectcalico.org', kind: 'bgppeers' }, code: 404,
      });
    }));

  test('forbidden resources answer 403 for list and get; discovery stays open', () =>
    withServer(liveObjects(), async (s) => {
      const list = await getJson(s, '/apis/crd.projectcalico.org/v1/ippools');
      assert.deepEqual([list.status, list.body.reason, list.body.code], [403, 'Forbidden', 403]);
      assert.match(list.body.message, /cannot list resource "ippools" in API group "crd.projectcalico.org" at the cluster scope/);
      const get = await getJson(s, '/apis/crd.projectcalico.org/v1/ippools/ipv4');
      assert.equal(get.status, 403);
      assert.equal((await getJson(s, '/apis/crd.projectcalico.org/v1')).status, 200);
    }, ['ippools.crd.projectcalico.org']));

  test('lists: <Kind>List envelope; built-in items lack apiVersion/kind, custom ones keep them', () =>
    withServer(liveObjects(), async (s) => {
      const deployments = await getJson(s, '/apis/apps/v1/namespaces/kube-system/deployments');
      assert.equal(deployments.body.kind, 'DeploymentList');
      assert.equal(deployments.body.apiVersion, 'apps/v1');
      assert.match(deployments.body.metadata.resourceVersion, /^\d+$/);
      assert.equal(deployments.body.items[0].kind, undefined);
      const peers = await getJson(s, '/apis/crd.projectcalico.org/v1/bgppeers');
      assert.equal(peers.body.items[0].kind, 'BGPPeer');
    }));

  test('discovery advertises the Calico kinds', () =>
    withServer([], async (s) => {
      const groups = await getJson(s, '/apis');
      assert.ok(groups.body.groups.some((g: any) => g.name === 'crd.projectcalico.org' && g.preferredVersion.groupVersion === 'crd.projectcalico.org/v1'));
      const calico = await getJson(s, '/apis/crd.projectcalico.org/v1');
      const pool = calico.body.resources.find((r: any) => r.kind === 'IPPool');
      assert.deepEqual([pool.name, pool.singularName, pool.namespaced], ['ippools', 'ippool', false]);
      assert.ok(pool.verbs.includes('list'));
    }));

  test('a bad selector answers 400', () =>
    withServer([], async (s) => {
      const r = await getJson(s, '/api/v1/secrets?labelSelector=' + encodeURIComponent('a b c'));
      assert.deepEqual([r.status, r.body.reason], [400, 'BadRequest']);
    }));

  test('a missing or wrong token answers 401, and is logged', () =>
    withServer([], async (s) => {
      const r = await getJson(s, '/version', 'wrong');
      assert.deepEqual([r.status, r.body.reason], [401, 'Unauthorized']);
      assert.deepEqual(s.requests.map((q) => [q.path, q.status]), [['/version', 401]]);
    }));
});
