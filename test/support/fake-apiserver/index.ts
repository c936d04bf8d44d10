// A loopback, read-only Kubernetes API server for tests of the live path:
// HTTPS on 127.0.0.1 with a throwaway CA, bearer-token auth, legacy
// discovery, list/get of the given objects. Every request is logged; writes
// are refused (405) so a test can assert that nothing tried to write.
import { randomBytes } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import { AddressInfo } from 'node:net';
import type { KubeObject } from '../../../src/core/kube';
import { calicoCrdObjects } from './crds';
import { writeKubeconfig } from './kubeconfig';
import { RouterContext, answer } from './router';
import { ObjectStore, StoreOptions } from './store';
import { serverTls } from './tls';

export { helmReleaseSecret, helmReleaseRecord, helmReleaseSecretName, decodeHelmReleaseSecret } from './helm-release';
export type { HelmReleaseSpec, HelmReleaseStatus } from './helm-release';
export { RESOURCE_TYPES } from './catalogue';
export { kubeconfigYaml, writeKubeconfig } from './kubeconfig';
export type { StoreOptions } from './store';

export interface FakeApiServerOptions extends StoreOptions {
  objects: KubeObject[];
  /** Serve the CustomResourceDefinitions of the Calico kinds calico-gen writes (vendor/calico-crds-v3.30), as a cluster with the calico-crds chart does. */
  calicoCrds?: boolean;
  /** Resources whose reads answer 403, to simulate RBAC denial: `secrets`, `ippools.crd.projectcalico.org`. */
  forbidden?: string[];
  token?: string;
  /** The user the token stands for, as Forbidden messages name it. */
  user?: string;
}

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** The query string, without `?` ('' when none). */
  query: string;
  /** The status code answered. */
  status: number;
  /** The client's Accept header: shows which discovery formats it asked for. */
  accept?: string;
}

export interface FakeApiServer {
  url: string;
  caPem: string;
  token: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** The requests that tried to change something (all answered 405). */
  writes(): RecordedRequest[];
  /** Writes `<dir>/<contextName>.kubeconfig` for this server and returns its path. */
  writeKubeconfig(dir: string, contextName: string, namespace?: string): string;
  close(): Promise<void>;
}

function respond(res: ServerResponse, code: number, body: object): void {
  const text = JSON.stringify(body);
  res.writeHead(code, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache, private',
  });
  res.end(text);
}

function handler(ctx: RouterContext, requests: RecordedRequest[]) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    // Drain any body: writes are refused, but the client must see the answer.
    req.resume();
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    const { code, body } = answer({ method: req.method ?? 'GET', url, authorization: req.headers.authorization }, ctx);
    requests.push({ method: req.method ?? 'GET', path: url.pathname, query: url.search.replace(/^\?/, ''), status: code, accept: req.headers.accept });
    respond(res, code, body);
  };
}

export async function startFakeApiServer(options: FakeApiServerOptions): Promise<FakeApiServer> {
  const { objects: given, calicoCrds = false, forbidden = [], token = randomBytes(16).toString('hex'), user = 'calico-gen-test', ...storeOptions } = options;
  const objects = calicoCrds ? [...given, ...calicoCrdObjects()] : given;
  const tls = serverTls();
  const requests: RecordedRequest[] = [];
  const ctx: RouterContext = { store: new ObjectStore(objects, storeOptions), token, user, forbidden: new Set(forbidden), serverAddress: '' };
  const server = createServer({ key: tls.keyPem, cert: tls.certPem }, handler(ctx, requests));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  ctx.serverAddress = `127.0.0.1:${port}`;
  const url = `https://${ctx.serverAddress}`;
  const target = { url, caPem: tls.caPem, token };
  return {
    ...target,
    requests,
    writes: () => requests.filter((r) => r.method !== 'GET'),
    writeKubeconfig: (dir, contextName, namespace) => writeKubeconfig(target, dir, contextName, namespace),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
