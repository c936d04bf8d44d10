/** Runs the real CLI as a child process, as a pipeline would. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const projectRoot = path.resolve(__dirname, '..', '..', '..');
export const cliPath = path.join(projectRoot, 'bin', 'calico-gen.js');

export interface CliResult {
  /** the calico-gen process */
  pid: number;
  status: number;
  stdout: string;
  stderr: string;
}

/** `uid`: run as that user (a test running as root proves a permission error as `nobody`). */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; uid?: number } = {}): CliResult {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? projectRoot,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    ...(options.uid === undefined ? {} : { uid: options.uid }),
  });
  return { pid: result.pid, status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

const created: string[] = [];
// each test file runs in its own process: its temporary folders go when it ends
process.on('exit', () => {
  for (const dir of created) fs.rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `calico-gen-${prefix}-`));
  created.push(dir);
  return dir;
}

/** What cluster files written by tests import the definition API from, as a fleet repository's do. */
export const defineModule = 'calico-gen';

/** calico-gen installed in a folder of the tests' (`node_modules/calico-gen`), as this checkout. */
export function installCalicoGen(dir: string): void {
  fs.mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
  fs.symlinkSync(projectRoot, path.join(dir, 'node_modules', 'calico-gen'), 'dir');
}

/** A fleet folder with the given files (paths relative to `clusters/`) and calico-gen installed, returned as the project dir. */
export function fleetProject(files: Record<string, string>): string {
  const dir = tempDir('fleet');
  installCalicoGen(dir);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, 'clusters', name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}

/** A minimal valid dual-stack cluster definition; `extra` is spliced into its settings. */
export function clusterSource(name: string, extra = '', options: { asNumber?: number; v4?: string; v6?: string } = {}): string {
  return `import { defineCluster } from ${JSON.stringify(defineModule)};
export default defineCluster({
  name: '${name}', group: 'main', site: 'ams', kubeContext: '${name}', calicoVersion: '3.30.7',
  ipPools: { ipv4: { cidr: '${options.v4 ?? '10.64.0.0/17'}' }, ipv6: { cidr: '${options.v6 ?? '2001:db8:a00:c000::/64'}' } },
  ipam: { strictAffinity: true },
  bgp: {
    asNumber: ${options.asNumber ?? 64601}, nodeToNodeMesh: false, peerAsNumber: 65000, asLoop: 1,
    peers: [{ name: 'cr1-ams', ipv4: '192.0.2.1', ipv6: '2001:db8:a00:ffff::1', nodeSelector: "topology.kubernetes.io/region == 'ams'" }],
  },
  ${extra}
});
`;
}
