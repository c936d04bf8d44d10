/**
 * Child process of the live IPAM rows: serves the 5,000-node cluster of BENCH_PLAN from the
 * loopback fake API server (lists paged as kube-apiserver pages them), writes a kubeconfig for
 * it, then creates `<dir>/ready` (or `<dir>/failed`) and serves until it is killed. In a process of its own so that
 * the measured calico-gen process is timed against a server that answers while the bench waits.
 * Usage: node ipam-server.js <dir> <context>
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { KubeObject } from '../src/core/kube';
import { startFakeApiServer } from '../test/support/fake-apiserver';
import { generateIpamCluster } from '../test/support/ipam/cluster';
import { BENCH_PLAN } from '../test/support/ipam/presets';

async function main(): Promise<void> {
  const [dir, context] = process.argv.slice(2) as [string, string];
  const objects = generateIpamCluster(BENCH_PLAN).objects as KubeObject[];
  const server = await startFakeApiServer({ objects });
  const kubeconfig = server.writeKubeconfig(dir, context);
  fs.writeFileSync(path.join(dir, 'ready'), `${kubeconfig}\n`);
  // the requests log would grow with every run; the bench does not read it
  setInterval(() => server.requests.splice(0), 1000);
}

main().catch((error: unknown) => {
  const message = `ipam-server: ${(error as Error).stack ?? String(error)}\n`;
  process.stderr.write(message);
  // the bench waits on files, not on this process (its event loop sleeps meanwhile)
  fs.writeFileSync(path.join(process.argv[2]!, 'failed'), message);
  process.exit(1);
});
