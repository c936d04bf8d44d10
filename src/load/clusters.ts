/**
 * Stage 1, load: which `clusters/<name>.ts` files there are, and what a loaded definition is.
 * Evaluating one (./evaluate.ts) runs the fleet's code: the pipeline does it only in its worker
 * processes (src/pipeline/workers.ts), and the process running the command never loads it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../core/findings';
import type { ClusterDefinition } from '../model/definition';
import { UserError } from '../util/errors';
import type { Dependency } from './dependencies';

export interface LoadedCluster {
  name: string;
  /** absolute path of `clusters/<name>.ts` */
  file: string;
  /** plain data, frozen; its define* values carry their call sites (model/site.ts: definitionSite, definitionSites) */
  definition: ClusterDefinition;
  /** every module the definition reached and everything they read, each with the hash it had */
  dependencies: Dependency[];
}

/** A definition evaluated, or the finding that says why it could not be. */
export type Evaluated = { loaded: LoadedCluster } | { failure: Finding };

/** Cluster files are the `.ts` files directly in `clusters/`; shared modules live in subfolders. */
export function listClusterFiles(clustersDir: string): Map<string, string> {
  if (!fs.existsSync(clustersDir)) throw new UserError(`${clustersDir}: no such folder of cluster definitions`);
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(clustersDir).sort()) {
    if (entry.endsWith('.ts') && !entry.endsWith('.d.ts')) {
      files.set(entry.slice(0, -3), path.resolve(clustersDir, entry));
    }
  }
  return files;
}

/** The shared modules: every `.ts` file in the subfolders of `clusters/`. */
export function listSharedModules(clustersDir: string): string[] {
  const modules: string[] = [];
  const walk = (dir: string, depth: number) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(full, depth + 1);
      else if (depth > 0 && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) modules.push(full);
    }
  };
  walk(path.resolve(clustersDir), 0);
  return modules.sort();
}

export function transpileCacheDir(): string {
  return path.join(cacheRoot(), 'transpile');
}

/** calico-gen's caches live where build tools keep theirs, unless CALICO_GEN_CACHE_DIR says otherwise. */
export function cacheRoot(): string {
  return path.resolve(process.env.CALICO_GEN_CACHE_DIR ?? path.join('node_modules', '.cache', 'calico-gen'));
}

export function selectNames(files: ReadonlyMap<string, unknown>, only: readonly string[]): string[] {
  if (only.length === 0) return [...files.keys()];
  const unknown = only.filter((name) => !files.has(name));
  if (unknown.length > 0) {
    throw new UserError(`unknown cluster ${unknown.join(', ')}: clusters are ${[...files.keys()].join(', ')}`);
  }
  return [...new Set(only)].sort();
}

/** Paths in messages and findings: relative to the working directory, as the rest of calico-gen writes them. */
export function displayPath(file: string): string {
  return path.relative(process.cwd(), file) || file;
}
