/**
 * TypeScript → CommonJS for definition modules: esbuild strips the types (no type-check; that is
 * the fleet's `tsc`), with the source map inline so that positions in the code map back to the
 * TypeScript source. The code is cached by the hash of the exact source bytes it was made from
 * (with esbuild's version and options), in files that verify themselves: a damaged entry is
 * removed and made again. Without a cache folder (`--no-cache`) nothing is read from or written
 * to disk.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { contentHash } from '../util/hash';
import { readVerified, writeVerified, writeVerifiedInBackground } from '../util/verified-file';

/** One module's code, as the evaluator takes it. */
export interface TranspiledModule {
  /** sha256 of the source bytes the code was made from: what a cache key covers */
  sourceHash: string;
  /** CommonJS code with an inline source map; absent when the source cannot be used */
  code?: string;
  /** why not: the file could not be read, or esbuild's first error (1-based line and column) */
  error?: { message: string; line?: number; column?: number };
}

// strict, as the ES module the TypeScript is: a change to sealed data (./plain-data.ts) throws instead of passing unseen
const options = { loader: 'ts', format: 'cjs', target: 'node20', sourcemap: 'inline', sourcesContent: false, banner: '"use strict";' } as const;

let transpiler: string | undefined;
/** esbuild's version and the options: a cache entry made by another esbuild is another entry. */
function transpilerId(): string {
  transpiler ??= `esbuild@${(require('esbuild/package.json') as { version: string }).version} ${JSON.stringify(options)}`;
  return transpiler;
}

function cacheFile(cacheDir: string, sourceHash: string): string {
  return path.join(cacheDir, `${contentHash(`${transpilerId()}\0${sourceHash}`)}.js`);
}

/** One file, now: from the cache, else esbuild's synchronous API (a module no batch saw, such as one outside clusters/). */
export function transpileFile(file: string, cacheDir: string | undefined): TranspiledModule {
  let source: Buffer;
  try {
    source = fs.readFileSync(file);
  } catch (error) {
    return { sourceHash: '', error: { message: `cannot read it: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` } };
  }
  return transpileSource(source, file, cacheDir);
}

export function transpileSource(source: Buffer, file: string, cacheDir: string | undefined): TranspiledModule {
  const sourceHash = contentHash(source);
  const cached = cacheDir === undefined ? undefined : readVerified(cacheFile(cacheDir, sourceHash));
  if (cached !== undefined) return { sourceHash, code: cached };
  const esbuild = require('esbuild') as typeof import('esbuild');
  try {
    const { code } = esbuild.transformSync(source, { ...options, sourcefile: file });
    if (cacheDir !== undefined) storeQuietly(() => writeVerified(cacheFile(cacheDir, sourceHash), code));
    return { sourceHash, code };
  } catch (error) {
    return { sourceHash, error: esbuildError(error) };
  }
}

/**
 * Many files at once, before any is evaluated: esbuild's asynchronous API works on them in
 * parallel, where one synchronous call per file costs a round trip to its service each. Cache
 * entries are written in the background.
 */
export async function transpileFiles(files: readonly string[], cacheDir: string | undefined): Promise<Map<string, TranspiledModule>> {
  const modules = new Map<string, TranspiledModule>();
  const pending: Promise<void>[] = [];
  let esbuild: typeof import('esbuild') | undefined;
  for (const file of files) {
    let source: Buffer;
    try {
      source = fs.readFileSync(file);
    } catch {
      // gone since it was listed: the evaluator says so where it is imported
      continue;
    }
    const sourceHash = contentHash(source);
    const cached = cacheDir === undefined ? undefined : readVerified(cacheFile(cacheDir, sourceHash));
    if (cached !== undefined) {
      modules.set(file, { sourceHash, code: cached });
      continue;
    }
    // required only for a cold file: a warm cache never starts esbuild
    esbuild ??= require('esbuild') as typeof import('esbuild');
    pending.push(
      esbuild.transform(source, { ...options, sourcefile: file }).then(
        ({ code }) => {
          modules.set(file, { sourceHash, code });
          // a read-only checkout still works, only slower
          if (cacheDir !== undefined) writeVerifiedInBackground(cacheFile(cacheDir, sourceHash), code).catch(() => undefined);
        },
        (error: unknown) => void modules.set(file, { sourceHash, error: esbuildError(error) }),
      ),
    );
  }
  await Promise.all(pending);
  // esbuild's service is a process of its own, as large as a worker: let it go once the batch is done
  // (a later call starts it again)
  await esbuild?.stop();
  return modules;
}

function esbuildError(error: unknown): NonNullable<TranspiledModule['error']> {
  const first = (error as { errors?: { text: string; location?: { line: number; column: number } | null }[] }).errors?.[0];
  if (!first) return { message: `cannot transpile it: ${(error as Error)?.message ?? String(error)}` };
  return { message: `syntax error: ${first.text}`, ...(first.location ? { line: first.location.line, column: first.location.column + 1 } : {}) };
}

function storeQuietly(write: () => void): void {
  try {
    write();
  } catch {
    // an unwritable cache only costs speed
  }
}
