// A throwaway CA and a server certificate for 127.0.0.1, made with the
// machine's openssl (node:crypto can make keys but not X.509 certificates).
// Go clients (kubectl, helm) verify the chain and the IP SAN strictly, so the
// CA carries CA:TRUE + keyCertSign and the leaf carries serverAuth.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ServerTls {
  caPem: string;
  certPem: string;
  keyPem: string;
}

const SERVER_EXTENSIONS = [
  'basicConstraints=critical,CA:FALSE',
  'keyUsage=critical,digitalSignature,keyEncipherment',
  'extendedKeyUsage=serverAuth',
  'subjectAltName=IP:127.0.0.1,DNS:localhost',
].join('\n');

function openssl(dir: string, args: string[]): void {
  try {
    execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error('fake-apiserver needs the openssl command to make its TLS certificates');
    throw err;
  }
}

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

function makeCertificates(dir: string): ServerTls {
  openssl(dir, ['req', '-x509', ...EC_KEY, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=fake-apiserver-ca',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  openssl(dir, ['req', ...EC_KEY, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=kube-apiserver']);
  writeFileSync(join(dir, 'server.ext'), SERVER_EXTENSIONS);
  openssl(dir, ['x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial',
    '-out', 'server.crt', '-days', '2', '-extfile', 'server.ext']);
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  return { caPem: read('ca.crt'), certPem: read('server.crt'), keyPem: read('server.key') };
}

let cached: ServerTls | undefined;

/** One CA and certificate per process: every fake server listens on 127.0.0.1 alike. */
export function serverTls(): ServerTls {
  if (cached) return cached;
  const dir = mkdtempSync(join(tmpdir(), 'fake-apiserver-tls-'));
  try {
    cached = makeCertificates(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return cached;
}
