/**
 * What a user does: calico-gen packed (`npm pack`), installed from the tarball into an empty folder
 * of their own, and run there through npx: import a small values tree, synthesise, validate, diff
 * against a saved dump; and the imported definitions type-check against the installed package.
 * Dependencies come from the npm cache (the registry when the cache lacks one).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot, tempDir } from '../support/cli';

/** The environment of a shell, not of the `npm test` running this file (npm_config_* would steer npm). */
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));

function run(command: string, args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { cwd, env: { ...env, NO_COLOR: '1' }, encoding: 'utf8', timeout: 240_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function succeeds(command: string, args: string[], cwd: string): string {
  const result = run(command, args, cwd);
  assert.equal(result.status, 0, `${command} ${args.join(' ')}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

const valuesTree: Record<string, string> = {
  'common.yaml': 'IPAMConfig:\n  strictAffinity: true\n',
  'common-bgp.yaml': "PeerAS: 65000\nASLoop: 1\nBGPPeers:\n  cr1-ams:\n    ipv4: 192.0.2.1\n    ipv6: \"2001:db8::1\"\n    nodeSelector: topology.kubernetes.io/region == 'ams'\n",
  'main.yaml': 'typha:\n  replicaCount: 2\n',
  'ams-main/calico-values.yaml': 'BGPConfiguration:\n  asNumber: 64601\n  nodeToNodeMeshEnabled: false\nIPPools:\n  ipv4:\n    cidr: "10.64.0.0/17"\n  ipv6:\n    cidr: "2001:db8:a00::/64"\n',
};

/** What `kubectl get -o yaml` saved: the release's BGPPeer, moved to another address by hand. */
const liveDump = `apiVersion: v1
kind: List
items:
  - apiVersion: crd.projectcalico.org/v1
    kind: BGPPeer
    metadata:
      name: cr1-ams-ipv4
      labels: { app.kubernetes.io/managed-by: Helm }
      annotations: { meta.helm.sh/release-name: calico, meta.helm.sh/release-namespace: kube-system }
    spec: { asNumber: 65000, nodeSelector: "topology.kubernetes.io/region == 'ams'", numAllowedLocalASNumbers: 1, peerIP: 192.0.2.111 }
`;

const tsconfig = {
  compilerOptions: { strict: true, noEmit: true, target: 'ES2022', lib: ['ES2022'], types: [], module: 'node16', moduleResolution: 'node16', skipLibCheck: true },
  include: ['clusters/**/*.ts'],
};

test('packed and installed in an empty folder: import, synth, validate and diff run there, and the definitions type-check', { timeout: 300_000 }, () => {
  const packed = tempDir('pack');
  // npm test has just built dist/: packing needs no build of its own
  const [tarball] = JSON.parse(succeeds('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packed], projectRoot)) as { filename: string; files: { path: string }[] }[];
  // what ships: the code, its schemas and the reader's RBAC; no sources, tests or benchmark
  const shipped = tarball!.files.map((file) => file.path);
  assert.deepEqual(shipped.filter((file) => !/^(bin|dist\/src|dist\/charts-src|schemas|deploy)\/|^(package\.json|README\.md|LICENSE)$/.test(file)), []);
  assert.ok(shipped.includes('dist/src/index.d.ts') && shipped.includes('dist/src/pipeline/worker-process.js') && shipped.includes('schemas/compiled/cluster-definition.schema.js'));
  const user = tempDir('user');
  fs.writeFileSync(path.join(user, 'package.json'), JSON.stringify({ name: 'my-fleet', private: true }));
  succeeds('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', path.join(packed, tarball!.filename)], user);
  for (const [file, content] of Object.entries(valuesTree)) {
    fs.mkdirSync(path.dirname(path.join(user, 'values', file)), { recursive: true });
    fs.writeFileSync(path.join(user, 'values', file), content);
  }

  assert.match(succeeds('npx', ['calico-gen', 'import', '--values-dir', 'values', '--group', 'main=ams-main'], user), /imported 1 cluster\(s\) into clusters\/: 4 file\(s\) written/);
  assert.match(fs.readFileSync(path.join(user, 'clusters', 'ams-main.ts'), 'utf8'), /^import \{ defineCluster \} from 'calico-gen';$/m);
  assert.match(succeeds('npx', ['calico-gen', 'synth'], user), /synthesised 1 cluster \(0 unchanged since the last run\): 2 files written/);
  assert.match(fs.readFileSync(path.join(user, 'generated', 'ams-main', 'manifests.yaml'), 'utf8'), /name: cr1-ams-ipv4\nspec:\n {2}asNumber: 65000\n.*\n.*\n {2}peerIP: "192\.0\.2\.1"/);
  assert.match(succeeds('npx', ['calico-gen', 'validate'], user), /0 errors, 0 warnings/);

  fs.writeFileSync(path.join(user, 'live.yaml'), liveDump);
  const diffed = run('npx', ['calico-gen', 'diff', '--cluster', 'ams-main', '--live-file', 'live.yaml', '--detailed-exitcode'], user);
  assert.equal(diffed.status, 2, `${diffed.stdout}\n${diffed.stderr}`);
  assert.match(diffed.stdout, /~ update BGPPeer\/cr1-ams-ipv4 \(release calico\)\n[^]*-  peerIP: 192\.0\.2\.111\n\+  peerIP: "?192\.0\.2\.1"?\n/);

  // the definitions type-check against the installed package's types, and a wrong setting does not
  fs.writeFileSync(path.join(user, 'tsconfig.json'), JSON.stringify(tsconfig));
  const tsc = path.join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  succeeds(process.execPath, [tsc, '-p', 'tsconfig.json'], user);
  const definition = path.join(user, 'clusters', 'ams-main.ts');
  fs.writeFileSync(definition, fs.readFileSync(definition, 'utf8').replace("cidr: '10.64.0.0/17'", "cidr: '10.64.0.0/17', ipipMode: 'Sometimes'"));
  const wrong = run(process.execPath, [tsc, '-p', 'tsconfig.json'], user);
  assert.notEqual(wrong.status, 0);
  assert.match(wrong.stdout, /^clusters\/ams-main\.ts\(\d+,\d+\): error TS\d+: [^]*Type '"Sometimes"' is not assignable to type 'EncapsulationMode \| undefined'/);
});
