// A kubeconfig that points kubectl, helm and client libraries at the fake
// server, trusting its CA and authenticating with its bearer token.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

export interface KubeconfigTarget {
  url: string;
  caPem: string;
  token: string;
}

export function kubeconfigYaml(target: KubeconfigTarget, contextName: string, namespace?: string): string {
  const user = `${contextName}-user`;
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: contextName, cluster: { server: target.url, 'certificate-authority-data': Buffer.from(target.caPem).toString('base64') } }],
    users: [{ name: user, user: { token: target.token } }],
    contexts: [{ name: contextName, context: { cluster: contextName, user, ...(namespace ? { namespace } : {}) } }],
    'current-context': contextName,
    preferences: {},
  });
}

/** Writes `<dir>/<contextName>.kubeconfig` (mode 600, as kubectl expects) and returns its path. */
export function writeKubeconfig(target: KubeconfigTarget, dir: string, contextName: string, namespace?: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${contextName}.kubeconfig`);
  writeFileSync(path, kubeconfigYaml(target, contextName, namespace), { mode: 0o600 });
  return path;
}
