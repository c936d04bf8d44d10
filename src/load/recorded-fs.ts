/**
 * The `fs` a definition gets (`import { readFileSync } from 'fs'`, `node:fs`, `fs/promises`): reads
 * are recorded as dependencies of the module that makes them, with a hash of exactly what they
 * returned, so that a cached result goes stale when a file it read changes. Reading is recorded,
 * not refused, because fleets keep data beside their definitions (inventories, address plans)
 * and reading it whole is the plain way to use it.
 *
 * Only calls whose result can be recorded whole are allowed: reading a whole file, checking that
 * a path exists, a stat, listing a folder, resolving a path. The asynchronous, streaming and
 * file-descriptor reads are refused with a message saying what to use instead: a definition is
 * evaluated synchronously, and a partial read cannot be recorded. Everything else (writing)
 * passes through.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentHash } from '../util/hash';
import { entryType, listingHash, realpathOf, statHash, type Dependency } from './dependencies';

export class RefusedCall extends Error {
  constructor(api: string, reason: string) {
    super(
      `${api} cannot be used in a definition: ${reason}; calico-gen records what a definition reads so that its cache cannot go stale, ` +
        'and it can record fs.readFileSync, existsSync, statSync, lstatSync, readdirSync, accessSync and realpathSync: use those, or import the data (`import data from "./data.json"`)',
    );
    this.name = 'RefusedCall';
  }
}

const REFUSED = [
  'readFile', 'readdir', 'stat', 'lstat', 'access', 'exists', 'realpath', 'readlink', 'readlinkSync',
  'open', 'openSync', 'openAsBlob', 'opendir', 'opendirSync', 'createReadStream', 'read', 'readSync', 'readv', 'readvSync',
  'watch', 'watchFile', 'fstat', 'fstatSync',
] as const;

type Record = (dependency: Dependency) => void;

/** The `fs` module for definitions, recording through `record`. */
export function recordedFs(record: Record): typeof fs {
  const wrapped: { [name: string]: unknown } = { ...fs };
  for (const name of REFUSED) wrapped[name] = refuse(`fs.${name}`, 'it reads asynchronously, in pieces or through a file descriptor');
  wrapped.promises = recordedPromises();
  wrapped.readFileSync = (file: fs.PathOrFileDescriptor, options?: { encoding?: BufferEncoding | null } | BufferEncoding | null) => {
    const target = absolute(file, 'fs.readFileSync');
    let content: Buffer;
    try {
      content = fs.readFileSync(target);
    } catch (error) {
      record({ kind: 'file', path: target, hash: 'absent' });
      throw error;
    }
    record({ kind: 'file', path: target, hash: contentHash(content) });
    const encoding = typeof options === 'string' ? options : options?.encoding;
    return encoding ? content.toString(encoding) : content;
  };
  wrapped.existsSync = (file: fs.PathLike) => {
    const target = absoluteOrUndefined(file);
    if (target === undefined) return false;
    const type = entryType(target);
    record({ kind: 'exists', path: target, hash: type });
    return type !== 'absent';
  };
  wrapped.accessSync = (file: fs.PathLike, mode?: number) => {
    const target = absolute(file, 'fs.accessSync');
    record({ kind: 'exists', path: target, hash: entryType(target) });
    return fs.accessSync(target, mode);
  };
  const stat = (ofLink: boolean) => (file: fs.PathLike, options?: fs.StatSyncOptions) => {
    const target = absolute(file, ofLink ? 'fs.lstatSync' : 'fs.statSync');
    record({ kind: 'stat', path: target, hash: statHash(target, ofLink), ...(ofLink ? { deep: true as const } : {}) });
    return ofLink ? fs.lstatSync(target, options) : fs.statSync(target, options);
  };
  wrapped.statSync = stat(false);
  wrapped.lstatSync = stat(true);
  wrapped.readdirSync = (dir: fs.PathLike, options?: { recursive?: boolean } | BufferEncoding | null) => {
    const target = absolute(dir, 'fs.readdirSync');
    const recursive = typeof options === 'object' && options?.recursive === true;
    record({ kind: 'listing', path: target, hash: listingHash(target, recursive), ...(recursive ? { deep: true as const } : {}) });
    return fs.readdirSync(target, options as Parameters<typeof fs.readdirSync>[1]);
  };
  const realpath = (resolve: (file: string) => string) => (file: fs.PathLike) => {
    const target = absolute(file, 'fs.realpathSync');
    record({ kind: 'realpath', path: target, hash: realpathOf(target) });
    return resolve(target);
  };
  wrapped.realpathSync = Object.assign(realpath(fs.realpathSync), { native: realpath(fs.realpathSync.native) });
  return wrapped as unknown as typeof fs;
}

/** `fs/promises`: every read is asynchronous, so none can be used. */
export function recordedPromises(): typeof fs.promises {
  const wrapped: { [name: string]: unknown } = { ...fs.promises };
  for (const [name, value] of Object.entries(fs.promises)) {
    if (typeof value === 'function') wrapped[name] = refuse(`fs/promises ${name}`, 'a definition is evaluated synchronously, and what a promise gives arrives after its result is taken');
  }
  return wrapped as unknown as typeof fs.promises;
}

function refuse(api: string, reason: string): () => never {
  return () => {
    throw new RefusedCall(api, reason);
  };
}

function absolute(file: fs.PathLike | number, api: string): string {
  const target = absoluteOrUndefined(file);
  if (target === undefined) throw new RefusedCall(`${api} of a file descriptor`, 'what it reads cannot be told');
  return target;
}

function absoluteOrUndefined(file: fs.PathLike | number): string | undefined {
  if (typeof file === 'number') return undefined;
  if (file instanceof URL) return fileURLToPath(file);
  return path.resolve(typeof file === 'string' ? file : file.toString());
}
