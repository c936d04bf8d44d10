import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { kubeconfigFiles, resolveKubeconfig } from '../../src/live/kubeconfig';

function kubeconfig(dir: string, name: string, contexts: Record<string, string>, current?: string, extra: Record<string, unknown> = {}): string {
  const file = join(dir, name);
  writeFileSync(file, stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: Object.entries(contexts).map(([context, server]) => ({ name: context, cluster: { server, ...extra } })),
    users: Object.keys(contexts).map((context) => ({ name: context, user: { token: `token-${name}` } })),
    contexts: Object.keys(contexts).map((context) => ({ name: context, context: { cluster: context, user: context } })),
    ...(current ? { 'current-context': current } : {}),
  }));
  return file;
}

const base = (dir: string, env: NodeJS.ProcessEnv = {}) => ({ env: { HOME: dir, ...env }, cwd: dir, defaultContext: 'ams-main', definitionFile: 'clusters/ams-main.ts' });

test('KUBECONFIG: files merge, the first to define a name wins, missing files are skipped', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubeconfig-'));
  const a = kubeconfig(dir, 'a', { 'ams-main': 'https://a.example:6443' }, 'ams-main');
  const b = kubeconfig(dir, 'b', { 'ams-main': 'https://b.example:6443', 'fra-main': 'https://b.example:6443' }, 'fra-main');
  const env = { KUBECONFIG: [a, join(dir, 'missing'), b].join(':') };
  assert.deepEqual(kubeconfigFiles({ env, cwd: dir }), [a, b]);
  const resolved = resolveKubeconfig(base(dir, env));
  assert.equal(resolved.context, 'ams-main');
  assert.equal(resolved.server, 'https://a.example:6443');
  assert.equal(resolveKubeconfig({ ...base(dir, env), context: 'fra-main' }).server, 'https://b.example:6443');
});

test('--kubeconfig alone counts; ~/.kube/config when nothing else is given', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubeconfig-'));
  kubeconfig(dir, 'only', { 'ams-main': 'https://only.example' });
  const listed = kubeconfig(dir, 'listed', { 'ams-main': 'https://listed.example' });
  assert.equal(resolveKubeconfig({ ...base(dir, { KUBECONFIG: listed }), kubeconfig: 'only' }).server, 'https://only.example');
  mkdirSync(join(dir, '.kube'));
  kubeconfig(join(dir, '.kube'), 'config', { 'ams-main': 'https://home.example' });
  assert.equal(resolveKubeconfig(base(dir)).server, 'https://home.example');
});

test("the definition's context, never the kubeconfig's current one", () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubeconfig-'));
  const file = kubeconfig(dir, 'k', { 'fra-main': 'https://fra.example' }, 'fra-main');
  assert.throws(() => resolveKubeconfig({ ...base(dir), kubeconfig: file }), {
    message: `context "ams-main" (the kubeContext of clusters/ams-main.ts; pass --kube-context to use another) is not in kubeconfig ${file}, which has contexts fra-main`,
  });
  assert.throws(() => resolveKubeconfig({ ...base(dir), kubeconfig: file, context: 'nope' }), { message: `context "nope" is not in kubeconfig ${file}, which has contexts fra-main` });
});

test('no kubeconfig anywhere, or none that exists, is a one-line error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubeconfig-'));
  assert.throws(() => kubeconfigFiles({ env: { HOME: dir }, cwd: dir }), /no kubeconfig: .*\.kube\/config does not exist and KUBECONFIG is not set; pass --kubeconfig FILE/);
  assert.throws(() => kubeconfigFiles({ env: { KUBECONFIG: join(dir, 'x') }, cwd: dir }), /KUBECONFIG=.* names no existing file/);
  assert.throws(() => kubeconfigFiles({ env: {}, cwd: dir, kubeconfig: 'nope' }), /--kubeconfig nope: no such file/);
  const broken = join(dir, 'broken');
  writeFileSync(broken, 'clusters: [ {');
  assert.throws(() => resolveKubeconfig({ ...base(dir), kubeconfig: broken }), (error: Error) => error.message.startsWith(`kubeconfig ${broken}: `) && !error.message.includes('\n'));
});

test('relative certificate paths are relative to the kubeconfig; skipping TLS verification is said out loud', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubeconfig-'));
  const file = kubeconfig(dir, 'k', { 'ams-main': 'https://a.example' }, undefined, { 'certificate-authority': 'ca.crt' });
  assert.equal(resolveKubeconfig({ ...base(dir), kubeconfig: file }).config.getCluster('ams-main')!.caFile, join(dir, 'ca.crt'));
  const insecure = kubeconfig(dir, 'insecure', { 'ams-main': 'https://a.example' }, undefined, { 'insecure-skip-tls-verify': true });
  assert.deepEqual(resolveKubeconfig({ ...base(dir), kubeconfig: insecure }).warnings, ['context ams-main: insecure-skip-tls-verify is set in the kubeconfig: the API server\'s certificate is not checked']);
});
