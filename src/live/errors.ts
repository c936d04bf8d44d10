/**
 * One-line causes for what goes wrong talking to an API server: the network, TLS, and the HTTP
 * statuses a read can get. Each names what to check.
 */
import { UserError } from '../util/errors';

/** A live read that failed; the message is the whole story, on one line. */
export class LiveReadError extends UserError {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'LiveReadError';
  }
}

const TLS_UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
]);

/** What failed below HTTP: refused, unknown host, TLS, reset. */
export function networkCause(error: NodeJS.ErrnoException & { reason?: string }, server: string): string {
  const code = error.code ?? '';
  const host = safeHost(server);
  if (code === 'ECONNREFUSED') return `connection refused by ${host}: is the API server running, and is the server address in the kubeconfig right?`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `host ${host} not found (DNS): check the server address in the kubeconfig`;
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return `host ${host} unreachable: check the network route or VPN`;
  if (code === 'ECONNRESET') return `the connection to ${host} was reset: a proxy or firewall may be in the way`;
  if (code === 'ETIMEDOUT') return `connecting to ${host} timed out: check the network route or VPN`;
  if (TLS_UNTRUSTED.has(code)) return `TLS: the API server's certificate is not signed by the certificate authority the kubeconfig trusts (${code}): check certificate-authority-data for this cluster`;
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return `TLS: the API server's certificate is not valid for ${host}${error.reason ? ` (${error.reason})` : ''}: check the server address or tls-server-name in the kubeconfig`;
  if (code === 'CERT_HAS_EXPIRED') return `TLS: the API server's certificate has expired`;
  if (code === 'EPROTO' || code.startsWith('ERR_SSL')) return `TLS handshake with ${host} failed (${code}): is ${server} an HTTPS endpoint?`;
  return (error.message || String(error)).split('\n')[0]!;
}

/** What an HTTP failure status means for a read. */
export function statusCause(status: number, body: { message?: string; reason?: string }, request: string, user: string): string {
  const said = body.message ? `: ${body.message}` : '';
  if (status === 401) return `the API server rejected the credentials of user ${JSON.stringify(user)} (401 Unauthorized): the token or client certificate is invalid or expired; log in again`;
  if (status === 403) return `forbidden (403)${said}: calico-gen's reader (diff, capacity --live) needs the read-only permissions in deploy/calico-gen-reader-rbac.yaml`;
  return `${request} answered ${status}${body.reason ? ` ${body.reason}` : ''}${said}`;
}

function safeHost(server: string): string {
  try {
    return new URL(server).host;
  } catch {
    return server;
  }
}
