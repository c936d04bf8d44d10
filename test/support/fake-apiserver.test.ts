// The fake API server, checked with the real clients the live path meets:
// kubectl 1.31, helm 3.17 and @kubernetes/client-node 1.x.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import { parse } from 'yaml';
import { FakeApiServer, decodeHelmReleaseSecret, startFakeApiServer, writeKubeconfig } from './fake-apiserver';
import { CALICO_VALUES, liveObjects } from './fake-apiserver-fixtures';
import { helmPath, kubectlPath } from './k8s-tools';
import { isolatedEnv, runTool } from './run-tool';

describe('fake API server with kubectl, helm and client-node', () => {
  let server: FakeApiServer;
  let home: string;
  let kubeconfig: string;

  before(async () => {
    home = mkdtempSync(join(tmpdir(), 'fake-apiserver-test-'));
    server = await startFakeApiServer({ objects: liveObjects(), forbidden: ['configmaps'], helmRelease: { name: 'calico', namespace: 'kube-system' } });
    kubeconfig = server.writeKubeconfig(home, 'fake-codfw');
  });

  after(async () => {
    await server.close();
    rmSync(home, { recursive: true, force: true });
  });

  const kubectl = (...args: string[]) => runTool(kubectlPath(), ['--kubeconfig', kubeconfig, ...args], isolatedEnv(home));
  const helm = (...args: string[]) => runTool(helmPath(), ['--kubeconfig', kubeconfig, ...args], isolatedEnv(home));

  test('kubectl lists Calico custom resources with server-filled metadata', async () => {
    const r = await kubectl('get', 'ippools.crd.projectcalico.org', '-o', 'yaml');
    assert.equal(r.code, 0, r.stderr);
    const list = parse(r.stdout);
    assert.deepEqual(list.items.map((o: any) => o.metadata.name), ['ipv4', 'ipv6']);
    const ipv4 = list.items[0];
    assert.equal(ipv4.kind, 'IPPool');
    assert.deepEqual(ipv4.spec, { cidr: '10.194.128.0/17', ipipMode: 'Never', vxlanMode: 'Never' });
    assert.match(ipv4.metadata.uid, /^[0-9a-f-]{36}$/);
    assert.match(ipv4.metadata.resourceVersion, /^\d+$/);
    assert.equal(ipv4.metadata.generation, 1);
    assert.equal(ipv4.metadata.annotations['meta.helm.sh/release-name'], 'calico');
    assert.equal(ipv4.metadata.namespace, undefined);
  });

  test('kubectl gets a single cluster-scoped object, keeping integer and boolean types', async () => {
    const r = await kubectl('get', 'ipamconfigs.crd.projectcalico.org', 'default', '-o', 'json');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).spec, { autoAllocateBlocks: true, maxBlocksPerHost: 0, strictAffinity: true });
  });

  test('kubectl sees workloads with API-server defaults and status', async () => {
    const r = await kubectl('get', 'deployments', '-n', 'kube-system', '-o', 'yaml');
    assert.equal(r.code, 0, r.stderr);
    const [typha] = parse(r.stdout).items;
    assert.equal(typha.apiVersion, 'apps/v1');
    assert.equal(typha.spec.revisionHistoryLimit, 10);
    assert.equal(typha.spec.progressDeadlineSeconds, 600);
    assert.deepEqual(typha.spec.strategy, { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } });
    const pod = typha.spec.template.spec;
    assert.equal(pod.dnsPolicy, 'ClusterFirst');
    assert.equal(pod.terminationGracePeriodSeconds, 30);
    assert.equal(pod.containers[0].imagePullPolicy, 'IfNotPresent');
    assert.equal(pod.containers[0].terminationMessagePath, '/dev/termination-log');
    assert.equal(pod.containers[0].readinessProbe.timeoutSeconds, 1);
    assert.equal(pod.volumes[0].hostPath.type, '');
    assert.equal(typha.status.readyReplicas, 3);
  });

  test('kubectl shows managedFields written by helm when asked', async () => {
    const r = await kubectl('get', 'daemonset', 'calico-node', '-n', 'kube-system', '-o', 'json', '--show-managed-fields');
    assert.equal(r.code, 0, r.stderr);
    const ds = JSON.parse(r.stdout);
    assert.deepEqual(ds.metadata.managedFields.map((f: any) => f.manager), ['helm', 'kube-controller-manager']);
    assert.ok(ds.metadata.managedFields[0].fieldsV1['f:spec']['f:template']);
    assert.equal(ds.status.numberReady, 3);
  });

  test('kubectl api-resources lists the Calico kinds as cluster-scoped', async () => {
    const r = await kubectl('api-resources', '--api-group', 'crd.projectcalico.org', '--no-headers');
    assert.equal(r.code, 0, r.stderr);
    const rows = r.stdout.trim().split('\n').map((line) => line.trim().split(/\s+/));
    const kinds = new Map(rows.map((cols) => [cols[cols.length - 1], cols]));
    for (const kind of ['IPPool', 'BGPPeer', 'BGPConfiguration', 'IPAMConfig', 'GlobalNetworkPolicy']) {
      const cols = kinds.get(kind);
      assert.ok(cols, `api-resources lacks ${kind}`);
      assert.deepEqual(cols.slice(-3), ['crd.projectcalico.org/v1', 'false', kind]);
    }
  });

  test('kubectl pages through a list with continue tokens', async () => {
    const r = await kubectl('get', 'secrets', '-n', 'kube-system', '--chunk-size', '1', '-o', 'name');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n'), ['secret/sh.helm.release.v1.calico.v1', 'secret/sh.helm.release.v1.calico.v2']);
    assert.ok(server.requests.some((q) => q.path === '/api/v1/namespaces/kube-system/secrets' && q.query.includes('continue=')));
  });

  test('kubectl filters by label selector', async () => {
    const r = await kubectl('get', 'secrets', '-A', '-l', 'owner=helm,status=deployed', '-o', 'name');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim(), 'secret/sh.helm.release.v1.calico.v2');
  });

  test('kubectl reports a forbidden resource as RBAC denial', async () => {
    const r = await kubectl('get', 'configmaps', '-n', 'kube-system');
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /Error from server \(Forbidden\): configmaps is forbidden: User "calico-gen-test" cannot list resource "configmaps" in API group "" in the namespace "kube-system"/);
  });

  test('kubectl reports a missing object as NotFound', async () => {
    const r = await kubectl('get', 'bgppeers.crd.projectcalico.org', 'cr9-codfw-ipv4');
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /Error from server \(NotFound\): bgppeers.crd.projectcalico.org "cr9-codfw-ipv4" not found/);
  });

  test('helm reads the release from its Secret storage', async () => {
    const values = await helm('get', 'values', 'calico', '-n', 'kube-system', '-o', 'json');
    assert.equal(values.code, 0, values.stderr);
    assert.deepEqual(JSON.parse(values.stdout), CALICO_VALUES);
    const list = await helm('list', '-n', 'kube-system', '-o', 'json');
    assert.equal(list.code, 0, list.stderr);
    const [release] = JSON.parse(list.stdout);
    assert.deepEqual([release.name, release.revision, release.status, release.chart, release.app_version], ['calico', '2', 'deployed', 'calico-0.5.2', '3.30.7']);
  });

  test('client-node lists custom objects and release Secrets by label', async () => {
    const kc = new k8s.KubeConfig();
    kc.loadFromFile(kubeconfig);
    const custom = kc.makeApiClient(k8s.CustomObjectsApi);
    const pools = await custom.listClusterCustomObject({ group: 'crd.projectcalico.org', version: 'v1', plural: 'ippools' });
    assert.equal(pools.kind, 'IPPoolList');
    assert.match(pools.metadata.resourceVersion, /^\d+$/);
    assert.deepEqual(pools.items.map((o: any) => o.metadata.name), ['ipv4', 'ipv6']);

    const core = kc.makeApiClient(k8s.CoreV1Api);
    const secrets = await core.listNamespacedSecret({ namespace: 'kube-system', labelSelector: 'owner=helm,name=calico,status=deployed' });
    assert.equal(secrets.items.length, 1);
    assert.equal(secrets.items[0].type, 'helm.sh/release.v1');
    const release = decodeHelmReleaseSecret(secrets.items[0]);
    assert.deepEqual(release.config, CALICO_VALUES);
    assert.equal(release.chart.metadata.version, '0.5.2');
  });

  test('client-node surfaces 403 and 404 as ApiException codes', async () => {
    const kc = new k8s.KubeConfig();
    kc.loadFromFile(kubeconfig);
    const core = kc.makeApiClient(k8s.CoreV1Api);
    await assert.rejects(core.listNamespacedConfigMap({ namespace: 'kube-system' }), (err: any) => err.code === 403);
    const custom = kc.makeApiClient(k8s.CustomObjectsApi);
    await assert.rejects(
      custom.getClusterCustomObject({ group: 'crd.projectcalico.org', version: 'v1', plural: 'ippools', name: 'nope' }),
      (err: any) => err.code === 404 && JSON.parse(err.body).reason === 'NotFound',
    );
  });

  test('every request so far was a read', () => {
    assert.ok(server.requests.length > 10);
    assert.deepEqual(server.writes(), []);
    assert.ok(server.requests.every((r) => r.method === 'GET'));
  });
});

describe('fake API server refusals', () => {
  let server: FakeApiServer;
  let home: string;

  before(async () => {
    home = mkdtempSync(join(tmpdir(), 'fake-apiserver-refusals-'));
    server = await startFakeApiServer({ objects: liveObjects() });
  });

  after(async () => {
    await server.close();
    rmSync(home, { recursive: true, force: true });
  });

  test('a write is refused with 405 and recorded', async () => {
    const kubeconfig = server.writeKubeconfig(home, 'writer');
    const r = await runTool(kubectlPath(), ['--kubeconfig', kubeconfig, 'delete', 'ippools.crd.projectcalico.org', 'ipv4'], isolatedEnv(home));
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /MethodNotAllowed/);
    assert.deepEqual(server.writes().map((w) => [w.method, w.path, w.status]), [['DELETE', '/apis/crd.projectcalico.org/v1/ippools/ipv4', 405]]);
  });

  test('a wrong token gets 401', async () => {
    const kubeconfig = writeKubeconfig({ ...server, token: 'not-the-token' }, home, 'intruder');
    const r = await runTool(kubectlPath(), ['--kubeconfig', kubeconfig, 'get', 'ippools.crd.projectcalico.org'], isolatedEnv(home));
    assert.notEqual(r.code, 0);
    // kubectl 1.31 words it "the server has asked for the client to provide credentials".
    assert.match(r.stderr, /You must be logged in to the server/);
    assert.ok(server.requests.some((q) => q.status === 401));
  });
});
