// Kubeconfig files for tests that must go wrong in particular ways: another CA, an exec plugin,
// a server nobody listens on.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

export interface ClusterEntry {
  context: string;
  server: string;
  caPem?: string;
  token?: string;
  user?: Record<string, unknown>;
}

/** One kubeconfig with a context per entry; the first is current. */
export function writeKubeconfigFile(file: string, entries: ClusterEntry[]): string {
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: entries.map((e) => ({ name: e.context, cluster: { server: e.server, ...(e.caPem ? { 'certificate-authority-data': Buffer.from(e.caPem).toString('base64') } : {}) } })),
    users: entries.map((e) => ({ name: `${e.context}-user`, user: e.user ?? { token: e.token ?? 'none' } })),
    contexts: entries.map((e) => ({ name: e.context, context: { cluster: e.context, user: `${e.context}-user` } })),
    'current-context': entries[0]?.context ?? '',
  };
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, stringify(config), { mode: 0o600 });
  return file;
}

/** A certificate authority that signed nothing the fake server presents. */
export function unrelatedCaPem(): string {
  const dir = mkdtempSync(join(tmpdir(), 'other-ca-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=unrelated-ca',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], { cwd: dir, stdio: 'ignore' });
    return readFileSync(join(dir, 'ca.crt'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A loopback address nobody listens on: port 1 (tcpmux), never served, and never handed out as an ephemeral port. */
export async function closedPortUrl(): Promise<string> {
  return 'https://127.0.0.1:1';
}

/** A kubectl exec credential plugin (client.authentication.k8s.io/v1) that hands out `token`. */
export function execPluginUser(dir: string, token: string): Record<string, unknown> {
  const script = join(dir, 'credential-plugin.js');
  const credential = { apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token } };
  writeFileSync(script, `process.stdout.write(${JSON.stringify(JSON.stringify(credential))});\n`);
  return { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: process.execPath, args: [script], interactiveMode: 'Never' } };
}
