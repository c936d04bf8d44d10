/**
 * Folders of `generated/` that no definition produces any more (a cluster was removed). A folder
 * is calico-gen's only as far as its files carry calico-gen's header: those files go, a folder
 * left empty goes, and anything else (the user's notes, a symbolic link, a hand-written values
 * file) stays where it is.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MANIFESTS_FILE, VALUES_FILE, hasGeneratedHeader } from '../render/files';
import { removeLeftoverAsides } from '../util/atomic-write';

export interface OrphanFolder {
  dir: string;
  /** calico-gen's files in it: the ones to remove */
  files: string[];
}

export function orphanFolders(outDir: string, clusters: readonly string[]): OrphanFolder[] {
  const known = new Set(clusters);
  return entries(outDir)
    .filter((entry) => entry.isDirectory() && !known.has(entry.name))
    .map((entry) => {
      const dir = path.join(outDir, entry.name);
      return { dir, files: [VALUES_FILE, MANIFESTS_FILE].map((name) => path.join(dir, name)).filter(isGenerated) };
    })
    .filter((orphan) => orphan.files.length > 0)
    .sort((a, b) => (a.dir < b.dir ? -1 : 1));
}

/** The folder's entries, not following symbolic links (a link to a folder is not a folder here). */
function entries(outDir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(outDir, { withFileTypes: true });
  } catch {
    // no output folder yet, or not a folder: the writer says so when it writes
    return [];
  }
}

/** A regular file (not a link) whose first lines are calico-gen's header; only those are read, and only their start. */
function isGenerated(file: string): boolean {
  let fd: number | undefined;
  try {
    if (!fs.lstatSync(file).isFile()) return false;
    fd = fs.openSync(file, 'r');
    const start = Buffer.alloc(4096);
    const length = fs.readSync(fd, start, 0, start.length, 0);
    return hasGeneratedHeader(start.subarray(0, length).toString('utf8'));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

const SYNTH_FILES = new Set([VALUES_FILE, MANIFESTS_FILE]);

/**
 * Temporary and kept-aside files a killed synth left in the folders about to be written
 * (src/util/file-transaction.ts names them after the process): those of a process that no longer
 * runs are removed. A kept-aside file is only ever a second name of an old version, so nothing is lost.
 */
export function removeLeftovers(folders: readonly string[]): void {
  // this process has written nothing there yet: a file under its id is a killed run's that had the same id
  for (const dir of folders) removeLeftoverAsides(dir, { accepts: (target) => SYNTH_FILES.has(target), ownAreLeftovers: true });
}
