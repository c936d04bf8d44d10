/**
 * What a definition's output depends on, as the evaluator saw it: each module it loaded and each
 * file, folder or environment variable it read, with a hash of exactly what it got. A cached result
 * may be used only while every dependency still hashes the same (`currentHash`); since the hash
 * is of what the evaluation got, not of what the file holds when the result is stored, a run that
 * races an edit stores its result under the old content, where no later run finds it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { contentHash } from '../util/hash';

export type DependencyKind =
  /** a module's source bytes (sha256) */
  | 'module'
  /** a file read whole (sha256 of its bytes), or 'absent' */
  | 'file'
  /** what an existence check saw: 'file', 'directory', 'other' or 'absent' */
  | 'exists'
  /** what a stat saw: the content of a file or the listing of a folder */
  | 'stat'
  /** a folder's entries (names and types) */
  | 'listing'
  /** where a path leads */
  | 'realpath'
  /** an environment variable's value, and the set of names when enumerated */
  | 'env'
  | 'env-names';

export interface Dependency {
  kind: DependencyKind;
  /** an absolute path; for 'env', the variable's name */
  path: string;
  hash: string;
  /** 'listing': the whole tree under the folder; 'stat': of the link itself (lstat) */
  deep?: true;
}

const ABSENT = 'absent';

/** The hash a dependency has now, by the same rule the evaluator recorded it with. */
export function currentHash(dependency: Dependency): string {
  switch (dependency.kind) {
    case 'module':
    case 'file':
      return fileHash(dependency.path);
    case 'exists':
      return entryType(dependency.path);
    case 'stat':
      return statHash(dependency.path, dependency.deep === true);
    case 'listing':
      return listingHash(dependency.path, dependency.deep === true);
    case 'realpath':
      return realpathOf(dependency.path);
    case 'env':
      return envHash(process.env[dependency.path]);
    case 'env-names':
      return envNamesHash(Object.keys(process.env));
  }
}

export function fileHash(file: string): string {
  try {
    return contentHash(fs.readFileSync(file));
  } catch {
    return ABSENT;
  }
}

export function entryType(file: string): string {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'other';
  } catch {
    return ABSENT;
  }
}

/** A file by its content, a folder by its entries, a link (lstat) by its target. */
export function statHash(file: string, ofLink: boolean): string {
  try {
    const stat = ofLink ? fs.lstatSync(file) : fs.statSync(file);
    if (stat.isSymbolicLink()) return `link:${fs.readlinkSync(file)}`;
    if (stat.isFile()) return `file:${contentHash(fs.readFileSync(file))}`;
    if (stat.isDirectory()) return `directory:${listingHash(file, false)}`;
    return 'other';
  } catch {
    return ABSENT;
  }
}

export function listingHash(dir: string, recursive: boolean): string {
  try {
    const entries = fs.readdirSync(dir, { withFileTypes: true, recursive });
    const lines = entries.map((entry) => `${path.relative(dir, path.join(entry.parentPath ?? dir, entry.name))}\0${entry.isDirectory() ? 'd' : entry.isFile() ? 'f' : 'o'}`);
    return contentHash(lines.sort().join('\n'));
  } catch {
    return ABSENT;
  }
}

export function realpathOf(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return ABSENT;
  }
}

export function envHash(value: string | undefined): string {
  return value === undefined ? ABSENT : contentHash(value);
}

export function envNamesHash(names: readonly string[]): string {
  return contentHash([...names].sort().join('\0'));
}
