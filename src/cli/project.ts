/**
 * Where the fleet project is, found as git finds its repository: from the working directory up,
 * the nearest folder that holds `clusters/` beside a `package.json` or `node_modules/` (where the
 * definitions' `import ... from 'calico-gen'` resolves). Without one, the working directory.
 * calico-gen then works from that folder: `clusters/`, `generated/` and the caches are the
 * project's, and paths in messages are relative to it. Paths given on the command line stay
 * relative to the working directory, as a shell user expects.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function findProjectRoot(start: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (isProject(dir)) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function isProject(dir: string): boolean {
  return isFolder(path.join(dir, 'clusters')) && (fs.existsSync(path.join(dir, 'package.json')) || isFolder(path.join(dir, 'node_modules')));
}

function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

export interface Project {
  /** the project folder (the working directory when none is found) */
  root: string;
  /** the definitions: --clusters-dir (relative to the working directory), else the project's clusters/ */
  clustersDir: string;
}

export function projectOf(cwd: string, root: string | undefined, clustersDirFlag: string | undefined): Project {
  const base = root ?? cwd;
  return { root: base, clustersDir: clustersDirFlag !== undefined ? path.resolve(cwd, clustersDirFlag) : path.join(base, 'clusters') };
}
