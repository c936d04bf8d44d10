/**
 * Which release values are secrets: by key (words, as part of a key, without case), by shape
 * (credentials in a URL, tokens), and which keys stay readable because they only name a secret.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { isSensitiveKey, redactShapes } from '../../src/diff/sensitive';
import { redactAlone } from '../../src/diff/redact';
import { chartDefaultValues } from '../../src/model/chart-defaults';
import { realworldValuesDir } from '../support/fixtures';
import { projectRoot } from '../support/cli';

const sensitive = (key: string, value: unknown = 'x', siblings: Record<string, unknown> = {}) => isSensitiveKey(key, { ...siblings, [key]: value } as never);

test('keys holding secrets are hidden: each word, as part of a key, in any case or style', () => {
  const keys = [
    'password', 'nodeMeshPassword', 'DB_PASSWORD', 'passwd', 'passphrase', 'pass', 'smtp-pass', 'pwd', 'adminPwd',
    'secret', 'clientSecret', 'SECRET_KEY', 'token', 'apiToken', 'bearerToken', 'bearer', 'credentials', 'awsCredential',
    'dsn', 'sentry_dsn', 'SentryDSN', 'privateKey', 'private', 'tls.key', 'key', 'api_key', 'apiKey', 'APIKEY', 'accessKey',
    'ssh-keys', 'auth', 'basicAuth', 'authorization', 'jwt', 'sessionCookie', 'webhookSignature', 'creds',
  ];
  for (const key of keys) assert.ok(sensitive(key), key);
});

test('keys that merely contain those letters, or that name a secret, stay readable', () => {
  const keys = [
    // Calico and Kubernetes keys of the chart's values
    'imagePullSecrets', 'topologyKey', 'secretKeyRef', 'configMapKeyRef', 'keepOriginalNextHop', 'ipipMode',
    // names of secrets, not secrets
    'secretName', 'credentialName', 'tokenSecretRef', 'privateKeyName',
    // the letters inside other words
    'monkey', 'keyboard', 'passive', 'bypass', 'compass', 'authority', 'author', 'passthrough', 'hotkey',
  ];
  for (const key of keys) assert.ok(!sensitive(key), key);
});

test('a bare `key` is a label key beside `operator`, and a reference\'s key beside `name`', () => {
  assert.ok(!sensitive('key', 'node-role.kubernetes.io/control-plane', { operator: 'Exists', effect: 'NoSchedule' }));
  assert.ok(!sensitive('key', 'password', { name: 'bgp-secrets' }));
  assert.ok(sensitive('key', '-----BEGIN EC PRIVATE KEY-----', { cert: '...' }));
});

test('a sensitive key holding only a reference to a Secret stays readable; anything else under it is hidden', () => {
  assert.ok(!sensitive('password', { secretKeyRef: { name: 'bgp-secrets', key: 'peer-password' } }));
  assert.ok(!sensitive('nodeMeshPassword', { secretKeyRef: { name: 'bgp-secrets', key: 'mesh', optional: true } }));
  assert.ok(sensitive('password', { secretKeyRef: { name: 'bgp-secrets', key: 'peer-password' }, value: 'hunter2' }));
  assert.ok(sensitive('password', { secretKeyRef: { name: 'bgp-secrets', key: 'k', value: 'hunter2' } }));
  assert.ok(sensitive('password', 'hunter2'));
});

test('secrets by shape, under any key: credentials in a URL, JWTs, bearer tokens, private keys, named tokens', () => {
  const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
  const cases: [string, string][] = [
    ['https://deploy:s3cr3t@registry.example.org/v2/', 'https://deploy:<r>@registry.example.org/v2/'],
    ['postgres://app:p%40ss@db:5432/calico?sslmode=require', 'postgres://app:<r>@db:5432/calico?sslmode=require'],
    ['mirror https://:onlypass@host and http://u:p@other', 'mirror https://:<r>@host and http://u:<r>@other'],
    [jwt, '<r>'],
    [`Authorization: Bearer ${jwt}`, 'Authorization: Bearer <r>'],
    ['Bearer abcdef0123456789', 'Bearer <r>'],
    ['basic dXNlcjpwYXNzd29yZA==', 'basic <r>'],
    ['-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----\n', '<r>\n'],
    ['token ghp_0123456789abcdefghijABCDEFGHIJ012345 here', 'token <r> here'],
    ['AKIAIOSFODNN7EXAMPLE', '<r>'],
  ];
  for (const [text, shown] of cases) assert.equal(redactShapes(text, '<r>'), shown, text);
});

test('strings that only look a little like secrets are left alone', () => {
  const texts = [
    'https://registry.example.org/calico/node:v3.30.7@sha256:0123abcd',
    'calico/node:v3.30.7@sha256:0123abcd',
    'ssh://git@gerrit.example.org:29418/operations',
    "(topology.kubernetes.io/region == 'ams' && topology.kubernetes.io/zone in {'a', 'b'})",
    'Bearer',
    '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
    '192.0.2.1:179',
  ];
  for (const text of texts) assert.equal(redactShapes(text, '<r>'), text, text);
});

/** Every YAML file under a folder, parsed. */
function yamlFiles(dir: string): { file: string; data: unknown }[] {
  return (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => ({ file, data: parse(fs.readFileSync(path.join(dir, file), 'utf8'), { merge: true }) as unknown }));
}

test('nothing of the chart\'s defaults, the Calico CRDs\' fields or the real fleet\'s values is hidden: none holds a secret', () => {
  assert.deepEqual(redactAlone(chartDefaultValues as never), chartDefaultValues);
  for (const { file, data } of yamlFiles(realworldValuesDir)) assert.deepEqual(redactAlone(data as never), data, file);
  // every field name the Calico objects have: only the BGP passwords, whose value is a secretKeyRef
  const fields = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const properties = (node as { properties?: unknown }).properties;
    if (typeof properties === 'object' && properties !== null) Object.keys(properties).forEach((key) => fields.add(key));
    Object.values(node).forEach(walk);
  };
  for (const { data } of yamlFiles(path.join(projectRoot, 'vendor'))) walk(data);
  walk(JSON.parse(fs.readFileSync(path.join(projectRoot, 'schemas', 'calico-values.schema.json'), 'utf8')));
  const flagged = [...fields].filter((field) => sensitive(field)).sort();
  assert.deepEqual(flagged, ['key', 'nodeMeshPassword', 'password']);
  assert.ok(fields.size > 100, `${fields.size} fields`);
  for (const field of ['nodeMeshPassword', 'password']) assert.ok(!sensitive(field, { secretKeyRef: { name: 'bgp-secrets', key: 'k' } }));
  assert.ok(!sensitive('key', 'k', { name: 'bgp-secrets' }), 'the key inside a secretKeyRef');
});

test('review redacts the values diff as diff does, unless --show-secrets; keys changed are still named', async () => {
  const { compareRevisions } = await import('../../src/review/compare');
  const state = (url: string, password: unknown) => ({
    label: 'x',
    clusters: new Map([['ams-main', { values: { veth_mtu: '1450', GlobalNetworkPolicies: { mirror: { url }, auth: { password } } }, findings: [] }]]),
  });
  const base = state('https://robot:old-pass@mirror.example.org/x', 'first');
  const head = state('https://robot:new-pass@mirror.example.org/x', 'second');
  const [hidden] = compareRevisions(base, head);
  assert.deepEqual(hidden!.values.changed, ['GlobalNetworkPolicies.auth.password', 'GlobalNetworkPolicies.mirror.url']);
  assert.doesNotMatch(hidden!.values.diff, /old-pass|new-pass|first|second/);
  assert.match(hidden!.values.diff, /^-    url: https:\/\/robot:<redacted>@mirror\.example\.org\/x$/m);
  assert.match(hidden!.values.diff, /^\+    url: "https:\/\/robot:<redacted: changed>@mirror\.example\.org\/x"$/m);
  assert.match(hidden!.values.diff, /^-  auth: "<redacted>"$/m);
  assert.match(hidden!.values.diff, /^\+  auth: "<redacted: changed>"$/m);
  const [shown] = compareRevisions(base, head, { showSecrets: true });
  assert.match(shown!.values.diff, /^-    url: https:\/\/robot:old-pass@mirror\.example\.org\/x$/m);
  assert.match(shown!.values.diff, /^\+    password: second$/m);
});
