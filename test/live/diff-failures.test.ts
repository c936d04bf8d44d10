// What goes wrong between calico-gen diff and a cluster: each a one-line cause on stderr, exit 1,
// no stack trace; with several clusters, the others are still reported.
import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startFakeApiServer, type FakeApiServer } from '../support/fake-apiserver';
import { writeKubeconfig } from '../support/fake-apiserver/kubeconfig';
import { cliEnv, ROOT, runCli, type CliResult } from './support/cli';
import { closedPortUrl, unrelatedCaPem, writeKubeconfigFile } from './support/kubeconfig-files';
import { stringify } from 'yaml';
import { CLUSTER, desiredCluster, plantedServer, RELEASE } from './support/planted';

/** Exit 1, nothing on stdout, and one line on stderr matching `cause`, without a stack trace. */
function assertOneLineFailure(r: CliResult, cause: RegExp): void {
  assert.equal(r.code, 1, `exit ${r.code}: ${r.stderr}`);
  assert.equal(r.stdout, '');
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0]!, /^calico-gen: /);
  assert.match(lines[0]!, cause);
  assert.doesNotMatch(r.stderr, /\n\s+at |Error:/);
}

describe('calico-gen diff failures', () => {
  let server: FakeApiServer;
  let denying: FakeApiServer;
  let home: string;

  before(async () => {
    const options = plantedServer(await desiredCluster());
    server = await startFakeApiServer(options);
    denying = await startFakeApiServer({ ...options, forbidden: ['ippools.crd.projectcalico.org'] });
    home = mkdtempSync(join(tmpdir(), 'calico-gen-diff-failures-'));
  });

  after(async () => {
    await Promise.all([server.close(), denying.close()]);
    rmSync(home, { recursive: true, force: true });
  });

  const diff = (...args: string[]) => runCli(['diff', '--cluster', CLUSTER, ...args], cliEnv(home));

  test('connection refused', async () => {
    const file = writeKubeconfigFile(join(home, 'refused.kubeconfig'), [{ context: CLUSTER, server: await closedPortUrl(), caPem: server.caPem, token: server.token }]);
    assertOneLineFailure(await diff('--kubeconfig', file), new RegExp(`cluster ${CLUSTER}, context ${CLUSTER} \\(https://127\\.0\\.0\\.1:\\d+\\): connection refused by 127\\.0\\.0\\.1:\\d+`));
  });

  test('a kubeconfig server that is not a URL', async () => {
    for (const bad of ['10.0.0.1:6443', 'kubernetes.default:443']) {
      const file = writeKubeconfigFile(join(home, 'not-a-url.kubeconfig'), [{ context: CLUSTER, server: bad, caPem: server.caPem, token: server.token }]);
      assertOneLineFailure(await diff('--kubeconfig', file), new RegExp(`context "${CLUSTER}": cluster .* has server "${bad.replace(/\./g, '\\.')}" in kubeconfig .*: expected a URL`));
    }
  });

  test('401: credentials the server rejects', async () => {
    const file = writeKubeconfig({ ...server, token: 'not-the-token' }, join(home, 'wrong-token'), CLUSTER);
    assertOneLineFailure(await diff('--kubeconfig', file), new RegExp(`rejected the credentials of user "${CLUSTER}-user" \\(401 Unauthorized\\)`));
  });

  test('403: a permission the reader lacks', async () => {
    const file = denying.writeKubeconfig(join(home, 'denied'), CLUSTER);
    assertOneLineFailure(await diff('--kubeconfig', file), /forbidden \(403\): ippools\.crd\.projectcalico\.org is forbidden: User "calico-gen-test" cannot list resource "ippools".*deploy\/calico-gen-reader-rbac\.yaml/);
    assert.deepEqual(denying.writes(), []);
  });

  test('TLS: a server certificate the kubeconfig does not trust', async () => {
    const file = writeKubeconfigFile(join(home, 'other-ca.kubeconfig'), [{ context: CLUSTER, server: server.url, caPem: unrelatedCaPem(), token: server.token }]);
    assertOneLineFailure(await diff('--kubeconfig', file), /TLS: the API server's certificate is not signed by the certificate authority the kubeconfig trusts/);
  });

  test('a context the kubeconfig does not have', async () => {
    const file = server.writeKubeconfig(join(home, 'ctx'), CLUSTER);
    assertOneLineFailure(await diff('--kubeconfig', file, '--kube-context', 'nope'), new RegExp(`context "nope" is not in kubeconfig .*${CLUSTER}\\.kubeconfig, which has contexts ${CLUSTER}$`));
    const other = server.writeKubeconfig(join(home, 'ctx-other'), 'somewhere-else');
    assertOneLineFailure(await diff('--kubeconfig', other), new RegExp(`context "${CLUSTER}" \\(the kubeContext of clusters/${CLUSTER}\\.ts; pass --kube-context to use another\\) is not in kubeconfig`));
  });

  test('a server that never answers: the request deadline', async () => {
    const silent: Server = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const url = `https://127.0.0.1:${(silent.address() as { port: number }).port}`;
      const file = writeKubeconfigFile(join(home, 'silent.kubeconfig'), [{ context: CLUSTER, server: url, caPem: server.caPem, token: server.token }]);
      const started = Date.now();
      assertOneLineFailure(await diff('--kubeconfig', file, '--timeout', '1s'), /no answer within 1s to GET \/api\/v1\/namespaces\/kube-system\/secrets/);
      assert.ok(Date.now() - started < 10_000, 'fails fast');
    } finally {
      silent.close();
    }
  });

  test('malformed dumps', async () => {
    const write = (name: string, text: string) => {
      const file = join(home, name);
      writeFileSync(file, text);
      return file;
    };
    assertOneLineFailure(await diff('--live-file', write('broken.yaml', 'apiVersion: v1\nkind: List\nitems:\n  - kind: IPPool\n   metadata: {name: x}\n')), /broken\.yaml:\d+:\d+: not valid YAML/);
    assertOneLineFailure(await diff('--live-file', write('not-objects.yaml', '- just\n- a list\n')), /not-objects\.yaml: document 1: not a Kubernetes object but a list/);
    assertOneLineFailure(await diff('--live-file', write('no-name.yaml', 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n')), /no-name\.yaml: document 1, item 1: object without metadata\.name/);
    assertOneLineFailure(await diff('--live-file', write('empty.yaml', '# nothing\n')), /empty\.yaml: no Kubernetes objects/);
    // parses, but its value cannot be built: an alias with no anchor
    assertOneLineFailure(await diff('--live-file', write('alias.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: *nowhere}\n')), /alias\.yaml: document 1: not valid YAML: /);
    assertOneLineFailure(await diff('--live-file', join(home, 'absent.yaml')), /--live-file .*absent\.yaml: no such file/);
    assertOneLineFailure(await diff('--live-file', write('ok.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n'), '--live-values', write('values.yaml', '- not\n- a map\n')), /values\.yaml: not a map of values/);
  });

  test('a change Calico will refuse: the diff still shows, as an error, and the exit is 1', async () => {
    // the cluster as Helm deployed it, except that the ipv4 pool had another cidr
    const live = (await desiredCluster()).manifests.map((object) => {
      const copy = structuredClone(object) as any;
      copy.metadata.annotations = { 'meta.helm.sh/release-name': RELEASE.name, 'meta.helm.sh/release-namespace': RELEASE.namespace };
      if (copy.kind === 'IPPool' && copy.metadata.name === 'ipv4') copy.spec.cidr = '10.64.0.0/18';
      return copy;
    });
    const file = join(home, 'refused.yaml');
    writeFileSync(file, stringify({ apiVersion: 'v1', kind: 'List', items: live }));
    const r = await diff('--live-file', file, '--detailed-exitcode');
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^~ update IPPool\/ipv4 \(release calico\)\n(.*\n)*-  cidr: 10\.64\.0\.0\/18\n\+  cidr: 10\.64\.0\.0\/17\n/m);
    assert.match(r.stdout, /^error ippool-cidr-changed: IPPool\/ipv4 \/spec\/cidr: cidr changes from 10\.64\.0\.0\/18 to 10\.64\.0\.0\/17/m);
    assert.match(r.stdout, /; 1 error: helmfile apply would fail\n$/);
  });

  test('--debug adds the stack trace', async () => {
    const file = writeKubeconfigFile(join(home, 'refused-debug.kubeconfig'), [{ context: CLUSTER, server: await closedPortUrl(), caPem: server.caPem, token: server.token }]);
    const r = await diff('--kubeconfig', file, '--debug');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /LiveReadError: [^\n]*connection refused[^\n]*\n\s+at /);
  });

  test('bad flags', async () => {
    assertOneLineFailure(await runCli(['diff'], cliEnv(home)), /name a cluster with --cluster NAME, or pass --all/);
    assertOneLineFailure(await diff('--format', 'yaml'), /--format "yaml" is not one of text, json, markdown/);
    assertOneLineFailure(await diff('--timeout', 'soon'), /--timeout "soon" is not a duration/);
    assertOneLineFailure(await runCli(['diff', '--all', '--kube-context', 'x'], cliEnv(home)), /--kube-context applies to one cluster/);
    assertOneLineFailure(await diff('--kube-context', 'x', '--context', 'y'), /--context is the old name of --kube-context: pass only --kube-context/);
  });
});

describe('calico-gen diff --all', () => {
  let server: FakeApiServer;
  let home: string;
  let fleet: string;

  before(async () => {
    server = await startFakeApiServer(plantedServer(await desiredCluster()));
    home = mkdtempSync(join(tmpdir(), 'calico-gen-diff-all-'));
    // two clusters of the example fleet in a fleet of their own (beside clusters/, so their imports resolve)
    fleet = join(ROOT, `.test-fleet-${process.pid}`);
    mkdirSync(fleet);
    for (const entry of [`${CLUSTER}.ts`, 'fra-ml.ts', 'shared']) cpSync(join(ROOT, 'clusters', entry), join(fleet, entry), { recursive: true });
  });

  after(async () => {
    await server.close();
    rmSync(home, { recursive: true, force: true });
    rmSync(fleet, { recursive: true, force: true });
  });

  test('an unreachable cluster is reported once, with its cause, while the others complete', async () => {
    const unreachable = await closedPortUrl();
    const file = writeKubeconfigFile(join(home, 'fleet.kubeconfig'), [
      { context: CLUSTER, server: server.url, caPem: server.caPem, token: server.token },
      { context: 'fra-ml', server: unreachable, caPem: server.caPem, token: server.token },
    ]);
    const args = ['diff', '--all', '--clusters-dir', fleet, '--kubeconfig', file, '--concurrency', '2'];
    const text = await runCli(args, cliEnv(home));
    assert.equal(text.code, 1);
    assert.match(text.stdout, new RegExp(`Plan ${CLUSTER}: 0 to create, 1 to update, 1 to delete \\(1 unmanaged\\)`));
    // told once: on stderr, not again in the report on stdout
    assert.doesNotMatch(text.stdout, /fra-ml/);
    assert.deepEqual(text.stderr.trimEnd().split('\n').map((line) => line.replace(/:\d+/g, ':N')), ['calico-gen: diff fra-ml: cluster fra-ml, context fra-ml (https://127.0.0.1:N): connection refused by 127.0.0.1:N: is the API server running, and is the server address in the kubeconfig right?']);
    const json = await runCli([...args, '--format', 'json'], cliEnv(home));
    const results = JSON.parse(json.stdout);
    assert.deepEqual(results.map((r: any) => [r.cluster, r.summary?.update, typeof r.error]), [[CLUSTER, 1, 'undefined'], ['fra-ml', undefined, 'string']]);
  });
});
