// Runs the real CLI (`node bin/calico-gen.js ...`) as a child process, asynchronously: the fake
// API server answers from this test's own event loop.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../support/k8s-tools';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const ROOT = projectRoot();

/** The environment of a machine with no kubeconfig of its own: HOME is `home`, KUBECONFIG unset unless given. */
export function cliEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: home, NO_COLOR: '1', ...extra };
}

export function runCli(args: string[], env: NodeJS.ProcessEnv, cwd: string = ROOT): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [join(ROOT, 'bin', 'calico-gen.js'), ...args], { cwd, env, maxBuffer: 64 * 1024 * 1024, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') return reject(error);
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}
