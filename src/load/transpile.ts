/**
 * Loads TypeScript definition files at run time: esbuild strips the types (no type-check; that
 * is `npm test`'s job), and the result is cached by content hash so unchanged files cost a read.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Module from 'node:module';
import { UserError } from '../util/errors';
import { writeAtomic } from '../util/atomic-write';

interface NodeModuleInternals {
  _compile(code: string, filename: string): void;
}

let registeredCacheDir: string | undefined;

/** Installs the `.ts` require hook once per process. */
export function registerTypeScriptLoader(cacheDir: string): void {
  if (registeredCacheDir !== undefined) return;
  registeredCacheDir = cacheDir;
  const extensions = (Module as unknown as { _extensions: Record<string, unknown> })._extensions;
  extensions['.ts'] = (module: NodeModuleInternals, filename: string) => {
    module._compile(transpileCached(filename, cacheDir), filename);
  };
}

/** The output depends on the source alone (no source maps), so copies of a file share an entry. */
function cacheFile(cacheDir: string, source: string): string {
  return path.join(cacheDir, `${createHash('sha256').update(source).digest('hex')}.js`);
}

function transpileCached(filename: string, cacheDir: string): string {
  const source = fs.readFileSync(filename, 'utf8');
  const cached = cacheFile(cacheDir, source);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    const code = transpile(source, filename);
    writeCache(cached, code);
    return code;
  }
}

const transformOptions = { loader: 'ts', format: 'cjs', target: 'node20' } as const;

/**
 * Fills the cache for many files at once before they are required: esbuild's asynchronous
 * transform works on them in parallel, where one synchronous call per file costs a round trip to
 * its service each (about 9 ms: most of a cold fleet's load time). Files that fail are left for
 * the synchronous path, which reports the error.
 */
export async function transpileAhead(files: readonly string[], cacheDir: string): Promise<void> {
  const pending = files
    .map((filename) => ({ filename, source: fs.readFileSync(filename, 'utf8') }))
    .map((file) => ({ ...file, cached: cacheFile(cacheDir, file.source) }))
    .filter((file) => !fs.existsSync(file.cached));
  if (pending.length === 0) return;
  const esbuild = require('esbuild') as typeof import('esbuild');
  await Promise.all(
    pending.map(async ({ filename, source, cached }) => {
      try {
        writeCache(cached, (await esbuild.transform(source, { ...transformOptions, sourcefile: filename })).code);
      } catch {
        // reported, located, when the file is required
      }
    }),
  );
}

function transpile(source: string, filename: string): string {
  // esbuild is required lazily: a warm cache never needs it
  const esbuild = require('esbuild') as typeof import('esbuild');
  try {
    return esbuild.transformSync(source, { ...transformOptions, sourcefile: filename }).code;
  } catch (error) {
    const first = (error as { errors?: { text: string; location?: { line: number; column: number } }[] }).errors?.[0];
    const where = first?.location ? `:${first.location.line}:${first.location.column + 1}` : '';
    throw new UserError(`${path.relative(process.cwd(), filename)}${where}: syntax error: ${first?.text ?? String(error)}`, {
      file: filename,
    });
  }
}

function writeCache(file: string, code: string): void {
  try {
    writeAtomic(file, code);
  } catch {
    // a read-only checkout still works, only slower
  }
}
