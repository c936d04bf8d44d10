/**
 * Stage 1, load: which `clusters/<name>.ts` files there are, and what a loaded definition is.
 * Evaluating one (./evaluate.ts) runs the fleet's code: the pipeline does it only in its worker
 * processes (src/pipeline/workers.ts), and the process running the command never loads it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Check, Finding } from '../core/findings';
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

export const definitionNested: Check = {
  id: 'definition-nested',
  severity: 'warning',
  description: 'A file in a subfolder of clusters/ that exports a cluster definition, and that no definition imports: calico-gen loads definitions from clusters/ itself only',
};

/** `export default defineCluster(`: what a definition file says, and a shared module does not. */
const DEFINES_CLUSTER = /^\s*export\s+default\s+defineCluster\s*\(/m;

/**
 * Files under the subfolders of clusters/ that read as cluster definitions and that no definition
 * imports (`imported`: the modules the loaded definitions pulled in): each one a warning, so that a
 * definition put in a folder by mistake is named rather than silently left out.
 */
export function nestedDefinitions(clustersDir: string, imported: ReadonlySet<string>): Finding[] {
  return listSharedModules(clustersDir)
    .filter((file) => !imported.has(file) && !imported.has(realPath(file)) && DEFINES_CLUSTER.test(readText(file)))
    .map((file) => {
      const shown = path.relative(process.cwd(), file);
      const proper = path.join(path.relative(process.cwd(), path.resolve(clustersDir)), path.basename(file));
      return {
        rule: definitionNested.id,
        severity: definitionNested.severity,
        cluster: '',
        object: 'ClusterDefinition',
        path: '',
        message: `${shown} exports a cluster definition, but calico-gen loads definitions from ${path.dirname(proper)}/ itself only (its subfolders hold shared modules) and no definition imports this file, so the cluster is not synthesised: move it to ${proper}, or remove its default export if it is a shared module`,
        source: { file: shown },
      };
    });
}

function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
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
