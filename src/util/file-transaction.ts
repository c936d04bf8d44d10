/**
 * Writes a set of files all or not at all. Every new content is first written beside its target
 * under a temporary name (a full disk fails here, before anything changed); only then is each
 * renamed into place, a reader seeing the old file or the new one, never half of one. A failure
 * while renaming puts back what was already renamed, so a run that cannot write every file leaves
 * every file as it was. Files to remove go the same way: kept aside until the end.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { asideName } from './atomic-write';
import { UserError } from './errors';
import { fileSystemReason } from './input-file';

export interface FileWrite {
  /** absolute path */
  file: string;
  content: string;
}

export interface TransactionOptions {
  /** how messages name a path (relative to the working directory) */
  display?: (file: string) => string;
}

/** What to undo, newest last. */
type Step = { undo(): void };

/**
 * `writes` is consumed once, each content written out as it comes, so that a caller can hand over
 * a large output one file at a time rather than hold all of it. Returns the files written.
 */
export function commitFiles(writes: Iterable<FileWrite>, removals: readonly string[] = [], options: TransactionOptions = {}): string[] {
  const display = options.display ?? ((file: string) => file);
  const steps: Step[] = [];
  const leftovers: string[] = [];
  const staged: string[] = [];
  let current = { verb: 'write', file: '' };
  try {
    for (const write of writes) {
      current = { verb: 'write', file: write.file };
      stage(write, steps);
      staged.push(write.file);
    }
    for (const file of staged) {
      current = { verb: 'write', file };
      replace(file, steps, leftovers);
    }
    for (const file of removals) {
      current = { verb: 'remove', file };
      setAside(file, steps, leftovers);
    }
  } catch (error) {
    rollBack(steps);
    for (const file of leftovers) fs.rmSync(file, { force: true });
    throw new UserError(`cannot ${current.verb} ${display(current.file)}: ${fileSystemReason(error)}; nothing was changed`, { file: current.file });
  }
  for (const file of leftovers) fs.rmSync(file, { force: true });
  return staged;
}

function stage(write: FileWrite, steps: Step[]): void {
  const created = makeFolder(path.dirname(write.file));
  if (created !== undefined) steps.push({ undo: () => removeEmptyFolders(path.dirname(write.file), created) });
  const temporary = asideName(write.file, 'tmp');
  steps.push({ undo: () => fs.rmSync(temporary, { force: true }) });
  fs.writeFileSync(temporary, write.content);
}

function makeFolder(folder: string): string | undefined {
  try {
    return fs.mkdirSync(folder, { recursive: true });
  } catch (error) {
    // mkdir -p says EEXIST when a part of the path is a file: the same as ENOTDIR to the user
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw Object.assign(new Error((error as Error).message), { code: 'ENOTDIR' });
    // node's mkdir -p says ENOENT for any failure below an existing folder (EROFS, EACCES...): a
    // plain mkdir of the first missing folder says what it really is
    if (code === 'ENOENT') mkdirFirstMissing(folder);
    throw error;
  }
}

function mkdirFirstMissing(folder: string): void {
  let missing = folder;
  while (!fs.existsSync(path.dirname(missing)) && path.dirname(missing) !== missing) missing = path.dirname(missing);
  fs.mkdirSync(missing);
  fs.rmdirSync(missing);
}

/**
 * The old file is kept as a hard link (the target never goes missing for a reader), or as a copy
 * where the file system has no hard links; then the new content is renamed over the target.
 */
function replace(file: string, steps: Step[], leftovers: string[]): void {
  const temporary = asideName(file, 'tmp');
  const backup = asideName(file, 'bak');
  const existed = lstatOrNull(file) !== null;
  if (existed) {
    keepCopy(file, backup);
    leftovers.push(backup);
  }
  fs.renameSync(temporary, file);
  steps.push({ undo: () => (existed ? fs.renameSync(backup, file) : fs.rmSync(file, { force: true })) });
}

function keepCopy(file: string, backup: string): void {
  fs.rmSync(backup, { force: true });
  try {
    fs.linkSync(file, backup);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'EMLINK') throw error;
    fs.copyFileSync(file, backup);
  }
}

function setAside(file: string, steps: Step[], leftovers: string[]): void {
  if (lstatOrNull(file) === null) return;
  const backup = asideName(file, 'bak');
  fs.renameSync(file, backup);
  leftovers.push(backup);
  steps.push({ undo: () => fs.renameSync(backup, file) });
}

/** Undoes the steps newest first; one that cannot be undone does not stop the others. */
function rollBack(steps: Step[]): void {
  for (const step of steps.reverse()) {
    try {
      step.undo();
    } catch {
      // the error that started the roll-back is the one to report
    }
  }
}

/** The folders mkdir created for `folder` (from `created` down), deepest first, where empty. */
function removeEmptyFolders(folder: string, created: string): void {
  for (let dir = folder; dir.length >= created.length; dir = path.dirname(dir)) {
    try {
      fs.rmdirSync(dir);
    } catch {
      return;
    }
    if (dir === created) return;
  }
}

function lstatOrNull(file: string): fs.Stats | null {
  try {
    return fs.lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
