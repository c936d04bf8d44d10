/**
 * Stage 1, load: `clusters/<name>.ts` files → cluster definitions, with the local modules each
 * one imports (for the synthesis cache and for review).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ClusterDefinition } from '../model/definition';
import type { Check, Finding } from '../core/findings';
import { UserError, describeError } from '../util/errors';
import { registerTypeScriptLoader, transpileAllSync } from './transpile';

export interface LoadedCluster {
  name: string;
  /** absolute path of `clusters/<name>.ts` */
  file: string;
  definition: ClusterDefinition;
  /** absolute paths of every local module the definition imports, transitively, itself included */
  dependencies: string[];
}

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

/**
 * Readies this thread to load these definition files (and the modules they import) one by one:
 * the `.ts` loader installed, and every file not transpiled yet sent to esbuild in one call.
 */
export function prepareLoading(files: readonly string[]): void {
  registerTypeScriptLoader(transpileCacheDir());
  transpileAllSync(files);
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

export function loadCluster(name: string, file: string, cacheDir = transpileCacheDir()): LoadedCluster {
  registerTypeScriptLoader(cacheDir);
  const display = path.relative(process.cwd(), file);
  let exported: unknown;
  try {
    exported = require(file);
  } catch (error) {
    if (error instanceof UserError) throw new UserError(`cluster ${name}: ${error.message}`, { file, cluster: name });
    throw new UserError(`${display}: cluster ${name}: the definition threw: ${describeError(error)}`, { file, cluster: name });
  }
  const definition = (exported as { default?: unknown }).default;
  if (!isClusterDefinition(definition)) {
    throw new UserError(`${display}: cluster ${name}: the file must \`export default defineCluster(...)\``, { file, cluster: name });
  }
  return { name, file, definition, dependencies: localDependencies(file) };
}

function isClusterDefinition(value: unknown): value is ClusterDefinition {
  return typeof value === 'object' && value !== null && (value as ClusterDefinition).kind === 'ClusterDefinition';
}

/** calico-gen's own compiled code, which definitions reach through `import ... from 'calico-gen'`. */
const ownCode = path.resolve(__dirname, '..', '..') + path.sep;

/**
 * Walks Node's module graph: every module of the fleet's the definition pulled in. Packages
 * (node_modules) and calico-gen itself are not the fleet's: the cache key covers calico-gen's code.
 */
function localDependencies(file: string): string[] {
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id) || id.includes(`${path.sep}node_modules${path.sep}`) || id.startsWith(ownCode)) return;
    seen.add(id);
    for (const child of require.cache[id]?.children ?? []) visit(child.id);
  };
  visit(file);
  return [...seen].sort();
}
