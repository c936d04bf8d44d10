// calico-gen diff end to end: the real CLI, as a child process, against a loopback API server that
// answers as kube-apiserver does, holding the example cluster as Helm deployed it plus planted
// changes. The diff must show those changes and nothing the server filled in itself.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { SynthesizedCluster } from '../../src/synth/synthesize';
import { startFakeApiServer, type FakeApiServer } from '../support/fake-apiserver';
import { helmPath, kubectlPath } from '../support/k8s-tools';
import { isolatedEnv, runTool } from '../support/run-tool';
import { cliEnv, runCli } from './support/cli';
import { execPluginUser, writeKubeconfigFile } from './support/kubeconfig-files';
import { CLUSTER, DRIFTED_PEER, DRIFTED_PEER_IP, DRIFTED_VALUE, desiredCluster, plantedServer, RELEASE, UNDECLARED_POOL } from './support/planted';
import { accessOf, grantFor, readerGrants } from './support/rbac';

/** The +/- lines of a unified diff, without its file headers. */
const changedLines = (patch: string) => patch.split('\n').filter((line) => /^[+-]/.test(line) && !/^(\+\+\+|---) /.test(line));

const CALICO_KINDS = ['ippools', 'bgppeers', 'bgpconfigurations', 'ipamconfigs', 'globalnetworkpolicies'].map((plural) => `${plural}.crd.projectcalico.org`).join(',');

describe('calico-gen diff against a live cluster', () => {
  let desired: SynthesizedCluster;
  let server: FakeApiServer;
  let home: string;
  let kubeconfig: string;
  let fromApi: any;

  before(async () => {
    desired = await desiredCluster();
    server = await startFakeApiServer(plantedServer(desired));
    home = mkdtempSync(join(tmpdir(), 'calico-gen-diff-'));
    kubeconfig = server.writeKubeconfig(home, CLUSTER);
  });

  after(async () => {
    await server.close();
    rmSync(home, { recursive: true, force: true });
  });

  const diff = (args: string[], env = cliEnv(home)) => runCli(['diff', '--cluster', CLUSTER, ...args], env);

  test('shows exactly the planted changes, and exits 2 with --detailed-exitcode', async () => {
    const r = await diff(['--kubeconfig', kubeconfig, '--format', 'json', '--detailed-exitcode']);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stderr, '');
    fromApi = JSON.parse(r.stdout);
    assert.equal(fromApi.cluster, CLUSTER);
    assert.deepEqual(fromApi.changes.map((c: any) => [c.action, c.kind, c.name, c.namespace, c.managed]), [
      ['delete', 'IPPool', UNDECLARED_POOL, null, false],
      ['update', 'BGPPeer', DRIFTED_PEER, null, true],
    ]);
    const peer = fromApi.changes[1];
    assert.deepEqual(changedLines(peer.diff), [`-  peerIP: ${DRIFTED_PEER_IP}`, `+  peerIP: 192.0.2.1`]);
    assert.equal(fromApi.values.changed, true);
    assert.deepEqual(changedLines(fromApi.values.diff), [`-${DRIFTED_VALUE.key}: "${DRIFTED_VALUE.deployed}"`, `+${DRIFTED_VALUE.key}: "0"`]);
    assert.deepEqual(fromApi.summary, { create: 0, update: 1, delete: 1, unchanged: desired.manifests.length - 1 });
    // the undeclared pool stays enabled: a warning, not an error
    assert.deepEqual(fromApi.findings.map((f: any) => [f.rule, f.severity, f.object]), [['ippool-delete-enabled', 'warning', `IPPool/${UNDECLARED_POOL}`]]);
  });

  test('text output closes with the plan line; without --detailed-exitcode changes exit 0', async () => {
    const r = await diff(['--kubeconfig', kubeconfig]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`\\nPlan ${CLUSTER}: 0 to create, 1 to update, 1 to delete \\(1 unmanaged\\); release values change; ${desired.manifests.length - 1} unchanged\\n$`));
    assert.match(r.stdout, new RegExp(`^- delete IPPool/${UNDECLARED_POOL} \\(unmanaged`, 'm'));
    assert.doesNotMatch(r.stdout, /\x1b\[/, 'NO_COLOR and no terminal: no colour');
  });

  test('the reader only read, and needed exactly the permissions of the read-only RBAC', () => {
    assert.ok(server.requests.length > 0);
    assert.deepEqual(server.requests.filter((q) => q.method !== 'GET'), []);
    const grants = readerGrants();
    const used = new Set<unknown>();
    for (const request of server.requests) {
      const access = accessOf(request.path);
      if (access === 'discovery') continue;
      const grant = grantFor(access, grants);
      assert.ok(grant, `${request.path} is not allowed by deploy/calico-gen-reader-rbac.yaml`);
      used.add(grant);
    }
    assert.deepEqual(grants.filter((g) => !used.has(g)), [], 'every permission is needed');
  });

  test('KUBECONFIG with several files merges as kubectl does, and the definition names the context', async () => {
    // both the first and the last file define context `elsewhere`: the first definition wins
    const first = writeKubeconfigFile(join(home, 'first.kubeconfig'), [{ context: 'elsewhere', server: 'https://127.0.0.1:1' }]);
    const last = writeKubeconfigFile(join(home, 'last.kubeconfig'), [{ context: 'elsewhere', server: server.url, caPem: server.caPem, token: server.token }]);
    const missing = join(home, 'not-there.kubeconfig');
    const env = cliEnv(home, { KUBECONFIG: [first, missing, kubeconfig, last].join(':') });
    const r = await diff(['--format', 'json'], env);
    assert.equal(r.code, 0, r.stderr);
    const result = JSON.parse(r.stdout);
    assert.deepEqual(result.summary, fromApi.summary);
    // --kube-context overrides the definition's context
    const wrong = await diff(['--kube-context', 'elsewhere'], env);
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /context elsewhere \(https:\/\/127\.0\.0\.1:1\)/);
    // --context, as it was spelt, still works, with a note on stderr (in helm-diff it means diff context lines)
    const old = await diff(['--context', 'elsewhere'], env);
    assert.equal(old.code, 1);
    assert.match(old.stderr, /^calico-gen: warning: diff: --context is deprecated: use --kube-context \(in helm-diff, --context means lines of diff context\)\n/);
    assert.match(old.stderr, /context elsewhere \(https:\/\/127\.0\.0\.1:1\)/);
    assert.equal((await diff(['--context', CLUSTER, '--format', 'json'], env)).code, 0);
  });

  test("authenticates with the kubeconfig's exec credential plugin", async () => {
    const file = writeKubeconfigFile(join(home, 'exec.kubeconfig'), [{ context: CLUSTER, server: server.url, caPem: server.caPem, user: execPluginUser(home, server.token) }]);
    const r = await diff(['--kubeconfig', file, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), fromApi);
  });

  test('a kubectl dump of the cluster gives the same diff offline (--live-file)', async () => {
    const kubectl = (...args: string[]) => runTool(kubectlPath(), ['--kubeconfig', kubeconfig, ...args], isolatedEnv(home));
    const dumps = await Promise.all([
      kubectl('get', `${CALICO_KINDS},clusterroles,clusterrolebindings`, '-o', 'yaml'),
      kubectl('get', '-n', RELEASE.namespace, 'configmaps,services,serviceaccounts,daemonsets,deployments,poddisruptionbudgets', '-o', 'yaml'),
      kubectl('get', '-n', RELEASE.namespace, 'secrets', '-l', `owner=helm,name=${RELEASE.name}`, '-o', 'yaml'),
    ]);
    for (const dump of dumps) assert.equal(dump.code, 0, dump.stderr);
    assert.match(dumps[0]!.stdout, new RegExp(`name: ${UNDECLARED_POOL}`), 'kubectl lists the Calico objects the fake server holds');
    const file = join(home, 'live.yaml');
    writeFileSync(file, dumps.map((d) => d.stdout).join('---\n'));
    const r = await diff(['--live-file', file, '--format', 'json', '--detailed-exitcode']);
    assert.equal(r.code, 2, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), fromApi);
  });

  test('helm get values gives the deployed values offline (--live-values)', async () => {
    const helm = await runTool(helmPath(), ['--kubeconfig', kubeconfig, 'get', 'values', RELEASE.name, '-n', RELEASE.namespace, '-o', 'yaml'], isolatedEnv(home));
    assert.equal(helm.code, 0, helm.stderr);
    const values = join(home, 'values.yaml');
    writeFileSync(values, helm.stdout);
    const dump = await runTool(kubectlPath(), ['--kubeconfig', kubeconfig, 'get', CALICO_KINDS, '-o', 'yaml'], isolatedEnv(home));
    const file = join(home, 'calico-only.yaml');
    writeFileSync(file, dump.stdout);
    const r = await diff(['--live-file', file, '--live-values', values, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const result = JSON.parse(r.stdout);
    assert.deepEqual(result.values, fromApi.values);
    assert.deepEqual(result.changes, fromApi.changes);
    // kinds the dump left out are not compared, and the diff says so
    assert.ok(result.findings.some((f: any) => f.rule === 'live-kind-not-read' && f.object === 'Deployment/*'));
  });
});
