/**
 * The module system definitions run in, built on public APIs only: the fleet's own modules
 * (`.ts`, `.js`, `.json` outside node_modules) are read here, transpiled (./transpile.ts) and
 * evaluated as CommonJS with `vm.compileFunction`; packages, calico-gen itself included (by
 * package self-reference), and Node's built-in modules go to Node's own `require`
 * (`module.createRequire`). Node's loader is never patched.
 *
 * Because every local module passes through here, the loader knows exactly which bytes each one
 * was evaluated from and what each one read (./recorded-fs.ts, ./recorded-process.ts): the
 * dependencies of a cluster are the modules it reached and their reads, each with its hash.
 */
import { createRequire, isBuiltin } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import type { CallSite, SourceLocation } from '../core/findings';
import { contentHash } from '../util/hash';
import { stackPositions } from '../util/stack';
import { displayPath } from './clusters';
import { entryType, type Dependency } from './dependencies';
import { recordedFs, recordedPromises } from './recorded-fs';
import { recordedProcess } from './recorded-process';
import { DataSeal } from './plain-data';
import { positionMapper, type PositionMapper } from './source-map';
import { transpileFile, type TranspiledModule } from './transpile';

/** A loader error about a module, located where the module or the import that failed is. */
export class ModuleError extends Error {
  constructor(
    message: string,
    readonly location?: SourceLocation,
  ) {
    super(message);
    this.name = 'ModuleError';
  }
}

/** Where a specifier led: a fleet module evaluated here, or a package (or built-in module) Node loads. */
interface Resolution {
  kind: 'local' | 'package';
  /** an absolute path; a built-in module's name */
  file: string;
  /** what finding it there depended on: the places tried first, the package's manifest */
  dependencies: Dependency[];
  /** a package's exports, once required */
  exports?: unknown;
}

interface ModuleRecord {
  file: string;
  module: { exports: unknown; id: string; filename: string; loaded: boolean };
  /** the modules it required, packages excepted */
  children: Set<ModuleRecord>;
  /** itself, and what it read while it was the innermost module running */
  dependencies: Dependency[];
}

export interface ModuleOptions {
  /** code transpiled ahead, by absolute path; other modules are transpiled when required */
  transpiled?: ReadonlyMap<string, TranspiledModule>;
  /** the transpile cache for the others; none with `--no-cache` */
  cacheDir?: string;
  /** modules that stopped an earlier evaluation (an endless loop, a crash): required, they fail at once with this reason */
  poisoned?: ReadonlyMap<string, string>;
  /** told each time the innermost module being evaluated changes (undefined: none is) */
  onModule?: (file: string | undefined) => void;
}

const LOCAL_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.cjs', '.json'];
const TYPESCRIPT = /\.[mc]?tsx?$/;
/** calico-gen's own compiled code: covered by the code fingerprint, not a fleet dependency */
const ownCode = path.resolve(__dirname, '..', '..') + path.sep;
const inNodeModules = (file: string) => file.includes(`${path.sep}node_modules${path.sep}`);

export class DefinitionModules {
  private readonly registry = new Map<string, ModuleRecord>();
  private readonly mappers = new Map<string, PositionMapper>();
  private readonly resolutions = new Map<string, Resolution>();
  /** call sites as captured → as mapped; a shared module's are met again in every cluster that imports it */
  private readonly mappedSites = new WeakMap<CallSite, CallSite>();
  private readonly stack: ModuleRecord[] = [];
  private readonly fs = recordedFs((dependency) => this.stack[this.stack.length - 1]?.dependencies.push(dependency));
  private readonly fsPromises = recordedPromises();
  private readonly process = recordedProcess((dependency) => this.stack[this.stack.length - 1]?.dependencies.push(dependency));
  private readonly seal = new DataSeal((raw) => this.mapSite(raw));
  /** the innermost module whose evaluation threw, for a thrown value without a stack */
  private failedIn: string | undefined;

  constructor(private readonly options: ModuleOptions = {}) {}

  /**
   * Evaluates `file` (once per instance, as Node does), then runs `use` on its exports while it is
   * still the module being evaluated, so that what `use` reaches (getters) counts as its own.
   * Returns what `use` returned and every dependency of the module, transitively.
   */
  evaluate<T>(file: string, use: (exports: unknown) => T): { result: T; dependencies: Dependency[] } {
    this.failedIn = undefined;
    const record = this.load(path.resolve(file));
    this.enter(record);
    try {
      return { result: use(record.module.exports), dependencies: this.dependenciesOf(record) };
    } finally {
      this.leave();
    }
  }

  /** Throws NotData unless a definition (a module's export) is plain data. */
  checkDefinition(definition: object): void {
    this.seal.check(definition);
  }

  /** Where an error came from: its innermost frame in a module evaluated here, in TypeScript positions. */
  locateError(error: unknown): SourceLocation | undefined {
    if (error instanceof ModuleError && error.location) return error.location;
    const stack = typeof error === 'object' && error !== null ? (error as { stack?: unknown }).stack : undefined;
    for (const position of stackPositions(typeof stack === 'string' ? stack : undefined)) {
      const mapper = this.mappers.get(position.file);
      if (mapper) return { file: displayPath(position.file), ...mapper(position.line, position.column) };
    }
    return this.failedIn === undefined ? undefined : { file: displayPath(this.failedIn) };
  }

  /** A call site as captured in transpiled code (model/site.ts) → the TypeScript source. */
  mapSite(raw: CallSite): CallSite {
    let site = this.mappedSites.get(raw);
    if (!site) {
      const mapper = this.mappers.get(raw.file);
      site = mapper ? { file: displayPath(raw.file), ...mapper(raw.line, raw.column) } : { ...raw, file: displayPath(raw.file) };
      this.mappedSites.set(raw, site);
    }
    return site;
  }

  private load(file: string): ModuleRecord {
    const known = this.registry.get(file);
    if (known) return known;
    const poisoned = this.options.poisoned?.get(file);
    if (poisoned !== undefined) throw new ModuleError(poisoned, { file: displayPath(file) });
    if (file.endsWith('.mjs')) throw new ModuleError('an ES module (.mjs) cannot be imported by a definition: definitions and the modules they import are TypeScript, CommonJS or JSON', { file: displayPath(file) });
    const record: ModuleRecord = { file, module: { exports: {}, id: file, filename: file, loaded: false }, children: new Set(), dependencies: [] };
    this.registry.set(file, record);
    this.enter(record);
    try {
      this.run(record);
      this.seal.sealExports(record.module.exports);
      record.module.loaded = true;
      return record;
    } catch (error) {
      // as in Node: a module that threw is not kept, and the next require tries again
      this.registry.delete(file);
      this.failedIn ??= file;
      throw error;
    } finally {
      this.leave();
    }
  }

  private run(record: ModuleRecord): void {
    const { file } = record;
    if (file.endsWith('.json')) {
      const source = this.readSource(file);
      record.dependencies.push({ kind: 'module', path: file, hash: contentHash(source) });
      try {
        record.module.exports = JSON.parse(source.toString('utf8'));
      } catch (error) {
        throw new ModuleError(`not JSON: ${(error as Error).message}`, { file: displayPath(file) });
      }
      return;
    }
    const { sourceHash, code } = this.codeOf(file);
    record.dependencies.push({ kind: 'module', path: file, hash: sourceHash });
    if (TYPESCRIPT.test(file)) this.mappers.set(file, positionMapper(code));
    else this.mappers.set(file, (line, column) => ({ line, column }));
    const compiled = vm.compileFunction(code, ['exports', 'require', 'module', '__filename', '__dirname', 'process'], { filename: file });
    compiled.call(record.module.exports, record.module.exports, this.requireFor(record), record.module, file, path.dirname(file), this.process);
  }

  private codeOf(file: string): { sourceHash: string; code: string } {
    if (!TYPESCRIPT.test(file)) {
      const source = this.readSource(file);
      return { sourceHash: contentHash(source), code: source.toString('utf8') };
    }
    const transpiled = this.options.transpiled?.get(file) ?? transpileFile(file, this.options.cacheDir);
    if (transpiled.code === undefined) {
      const { message, line, column } = transpiled.error ?? { message: 'cannot transpile it' };
      throw new ModuleError(message, {
        file: displayPath(file),
        ...(line ? { line } : {}),
        ...(column ? { column } : {}),
      });
    }
    return { sourceHash: transpiled.sourceHash, code: transpiled.code };
  }

  private readSource(file: string): Buffer {
    try {
      return fs.readFileSync(file);
    } catch (error) {
      throw new ModuleError(`cannot read it: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { file: displayPath(file) });
    }
  }

  private requireFor(parent: ModuleRecord): NodeJS.Require {
    let nodeRequire: NodeJS.Require | undefined;
    const nodeRequireOf = () => (nodeRequire ??= createRequire(parent.file));
    const require = ((specifier: string) => {
      const special = this.special(specifier);
      if (special !== undefined) return special;
      const resolution = this.resolve(specifier, parent, nodeRequireOf);
      parent.dependencies.push(...resolution.dependencies);
      if (resolution.kind === 'package') return (resolution.exports ??= nodeRequireOf()(resolution.file));
      const child = this.load(resolution.file);
      parent.children.add(child);
      return child.module.exports;
    }) as NodeJS.Require;
    require.resolve = ((specifier: string) => this.resolve(specifier, parent, nodeRequireOf).file) as NodeJS.RequireResolve;
    require.cache = Object.create(null) as NodeJS.Dict<NodeJS.Module>;
    return require;
  }

  /** The built-in modules a definition gets in a recording form. */
  private special(specifier: string): unknown {
    switch (specifier.startsWith('node:') ? specifier.slice(5) : specifier) {
      case 'fs':
        return this.fs;
      case 'fs/promises':
        return this.fsPromises;
      case 'process':
        return this.process;
      default:
        return undefined;
    }
  }

  /** Where a specifier leads from the parent's folder, and what finding it there depended on; once per folder and specifier. */
  private resolve(specifier: string, parent: ModuleRecord, nodeRequire: () => NodeJS.Require): Resolution {
    const key = `${path.dirname(parent.file)}\0${specifier}`;
    let resolution = this.resolutions.get(key);
    if (!resolution) {
      resolution = this.resolveLocal(specifier, parent) ?? this.resolvePackage(specifier, parent, nodeRequire());
      this.resolutions.set(key, resolution);
    }
    return resolution;
  }

  /** A fleet module by a relative or absolute specifier, as TypeScript resolves it; undefined for a package. */
  private resolveLocal(specifier: string, parent: ModuleRecord): Resolution | undefined {
    if (!/^\.{0,2}\//.test(specifier) && !path.isAbsolute(specifier)) return undefined;
    const base = path.resolve(path.dirname(parent.file), specifier);
    // `./x.js` written in TypeScript names `./x.ts`
    const stem = /\.[cm]?js$/.test(base) ? base.replace(/\.([cm]?)js$/, '') : undefined;
    const candidates = [
      base,
      ...(stem ? ['.ts', '.mts', '.cts'].map((extension) => stem + extension) : []),
      ...LOCAL_EXTENSIONS.map((extension) => base + extension),
      ...LOCAL_EXTENSIONS.map((extension) => path.join(base, `index${extension}`)),
    ];
    const missed: Dependency[] = [];
    for (const candidate of candidates) {
      const type = entryType(candidate);
      // a file made later at a place tried first would be found instead
      if (type === 'file') return { kind: 'local', file: candidate, dependencies: missed };
      missed.push({ kind: 'exists', path: candidate, hash: type });
    }
    throw new ModuleError(`cannot find module ${JSON.stringify(specifier)} imported by ${displayPath(parent.file)}: no such file (tried ${path.relative(path.dirname(parent.file), base) || '.'} with ${LOCAL_EXTENSIONS.join(', ')})`);
  }

  /** A package or built-in module, through Node; its installed version counts as a dependency. */
  private resolvePackage(specifier: string, parent: ModuleRecord, nodeRequire: NodeJS.Require): Resolution {
    if (isBuiltin(specifier)) return { kind: 'package', file: specifier, dependencies: [] };
    let resolved: string;
    try {
      resolved = nodeRequire.resolve(specifier);
    } catch (error) {
      throw new ModuleError(`cannot find package ${JSON.stringify(specifier)} imported by ${displayPath(parent.file)}: ${(error as Error).message.split('\n')[0]}`);
    }
    // the fleet's own package, reached by name: one of its modules like any other
    if (!inNodeModules(resolved) && !resolved.startsWith(ownCode)) return { kind: 'local', file: resolved, dependencies: [] };
    const manifest = resolved.startsWith(ownCode) ? undefined : packageManifest(resolved);
    const dependencies: Dependency[] = manifest ? [{ kind: 'file', path: manifest, hash: contentHash(fs.readFileSync(manifest)) }] : [];
    return { kind: 'package', file: resolved, dependencies };
  }

  private enter(record: ModuleRecord): void {
    this.stack.push(record);
    this.options.onModule?.(record.file);
  }

  private leave(): void {
    this.stack.pop();
    this.options.onModule?.(this.stack[this.stack.length - 1]?.file);
  }

  private dependenciesOf(root: ModuleRecord): Dependency[] {
    const seen = new Set<ModuleRecord>();
    const dependencies = new Map<string, Dependency>();
    const visit = (record: ModuleRecord) => {
      if (seen.has(record)) return;
      seen.add(record);
      for (const dependency of record.dependencies) dependencies.set(`${dependency.kind}\0${dependency.path}\0${dependency.deep ?? ''}`, dependency);
      for (const child of record.children) visit(child);
    };
    visit(root);
    return [...dependencies.values()];
  }
}

/** The package.json of the package a resolved file belongs to. */
function packageManifest(file: string): string | undefined {
  for (let dir = path.dirname(file); path.basename(dir) !== 'node_modules' && path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) return manifest;
  }
  return undefined;
}
