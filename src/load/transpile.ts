/**
 * Loads TypeScript definition files at run time: esbuild strips the types (no type-check; that
 * is `npm test`'s job), and the result is cached by content hash so unchanged files cost a read.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Module from 'node:module';
import { UserError } from '../util/errors';
import { writeAtomic, writeAtomicInBackground } from '../util/atomic-write';

interface NodeModuleInternals {
  exports: unknown;
  _compile(code: string, filename: string): void;
}

let registeredCacheDir: string | undefined;
/** Caches read but never written (review reads synth's, and writes only to its own folder). */
let readOnlyCacheDirs: readonly string[] = [];

/** Installs the `.ts` require hook once per process. */
export function registerTypeScriptLoader(cacheDir: string, readAlso: readonly string[] = []): void {
  if (registeredCacheDir !== undefined) return;
  registeredCacheDir = cacheDir;
  readOnlyCacheDirs = readAlso;
  const extensions = (Module as unknown as { _extensions: Record<string, unknown> })._extensions;
  extensions['.ts'] = (module: NodeModuleInternals, filename: string) => {
    module._compile(transpileCached(filename, cacheDir), filename);
  };
}

/** The output depends on the source alone (no source maps), so copies of a file share an entry. */
function cacheFile(cacheDir: string, source: string): string {
  return path.join(cacheDir, `${createHash('sha256').update(source).digest('hex')}.js`);
}

/** The file's transpiled code from a read-only cache, if one has it. */
function fromReadOnlyCaches(source: string): string | undefined {
  for (const dir of readOnlyCacheDirs) {
    try {
      return fs.readFileSync(cacheFile(dir, source), 'utf8');
    } catch {
      // not there: the next one, or esbuild
    }
  }
  return undefined;
}

/** Code transpiled ahead by this thread, by cache file, while (or after) it is written there. */
const transpiledHere = new Map<string, string>();

function transpileCached(filename: string, cacheDir: string): string {
  const source = fs.readFileSync(filename, 'utf8');
  const cached = cacheFile(cacheDir, source);
  const ahead = transpiledHere.get(cached);
  if (ahead !== undefined) return ahead;
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    const code = fromReadOnlyCaches(source) ?? transpile(source, filename);
    writeCache(cached, code);
    return code;
  }
}

const outputOptions = { format: 'cjs', target: 'node20' } as const;
const transformOptions = { ...outputOptions, loader: 'ts' } as const;

/** Transpiled code by cache file: what one thread hands another instead of waiting for the disk. */
export type TranspiledCode = Record<string, string>;

export interface TranspiledAhead {
  /** per file: settles once this thread can require it without waiting for esbuild */
  ready: Map<string, Promise<void>>;
  /** every file's code, once esbuild is done with all of them */
  all: Promise<TranspiledCode>;
}

/**
 * Transpiles many files at once before they are required: esbuild's asynchronous transform works
 * on them in parallel, where one synchronous call per file costs a round trip to its service each
 * (most of a cold fleet's load time). Each file is ready as soon as its code is back, so the
 * caller can start on the first files while esbuild works on the rest; the cache files are written
 * in the background (a synchronous write each adds up over a large fleet).
 * Files that fail are left for the synchronous path, which reports the error.
 */
export function transpileAhead(files: readonly string[], cacheDir: string): TranspiledAhead {
  const ready = new Map<string, Promise<void>>();
  const code: TranspiledCode = {};
  let esbuild: typeof import('esbuild') | undefined;
  for (const { filenames, source, cached } of uncached(files, cacheDir)) {
    // required only for a cold file: a warm cache never starts esbuild
    esbuild ??= require('esbuild') as typeof import('esbuild');
    const transformed = esbuild.transform(source, { ...transformOptions, sourcefile: filenames[0] }).then(
      (result) => {
        code[cached] = result.code;
        transpiledHere.set(cached, result.code);
        // a read-only checkout still works, only slower
        writeAtomicInBackground(cached, result.code).catch(() => undefined);
      },
      () => undefined,
    );
    for (const filename of filenames) ready.set(filename, transformed);
  }
  return { ready, all: Promise.all(ready.values()).then(() => code) };
}

/**
 * The synchronous counterpart of transpileAhead, for the in-memory pipeline (review, diff): one
 * esbuild build for every file not cached yet, where requiring them one by one costs a synchronous
 * esbuild call each (most of a large review's time). The code stays in this process: review's cache
 * folder is deleted when it ends, and a write still under way would bring it back. A file that
 * does not parse fails the whole build: then each is left to the per-file path, which reports the
 * error where it is.
 */
export function transpileAllSync(files: readonly string[]): void {
  const cacheDir = registeredCacheDir;
  if (cacheDir === undefined) return;
  const pending = uncached(files, cacheDir);
  if (pending.length === 0) return;
  const esbuild = require('esbuild') as typeof import('esbuild');
  // nothing is written (write: false): the folder only names the outputs
  const outdir = path.join(cacheDir, 'batch');
  let outputs: import('esbuild').OutputFile[];
  try {
    const entryPoints = pending.map(({ filenames }, index) => ({ in: filenames[0]!, out: String(index) }));
    outputs = esbuild.buildSync({ ...outputOptions, entryPoints, outdir, write: false, bundle: false, platform: 'node', logLevel: 'silent' }).outputFiles;
  } catch {
    return;
  }
  for (const output of outputs) transpiledHere.set(pending[Number(path.basename(output.path, '.js'))]!.cached, output.text);
}

interface Uncached {
  /** every file with this source (copies share an entry) */
  filenames: string[];
  source: string;
  cached: string;
}

/** The sources no cache holds the code of yet, each with the files that have it. */
function uncached(files: readonly string[], cacheDir: string): Uncached[] {
  const pending = new Map<string, Uncached>();
  for (const filename of files) {
    const source = fs.readFileSync(filename, 'utf8');
    const cached = cacheFile(cacheDir, source);
    const entry = pending.get(cached);
    if (entry) entry.filenames.push(filename);
    else if (!transpiledHere.has(cached) && !fs.existsSync(cached) && !readOnlyCacheDirs.some((dir) => fs.existsSync(cacheFile(dir, source)))) {
      pending.set(cached, { filenames: [filename], source, cached });
    }
  }
  return [...pending.values()];
}

/** Takes code another thread transpiled ahead, so that requiring it needs neither esbuild nor the disk. */
export function adoptTranspiled(code: TranspiledCode): void {
  for (const [cached, text] of Object.entries(code)) transpiledHere.set(cached, text);
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
