/**
 * Writes a file so that a reader never sees half of it and a failure leaves the old one: the
 * content goes to a temporary name beside it, then is renamed into place. The temporary name
 * carries the process and thread, since worker threads of one process may write the same file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * Names beside a target: `.<name>.<pid>.<thread>.tmp` (new content) and `.bak` (an old version kept
 * aside until a transaction ends). The process id lets a later run tell a killed run's leftovers
 * from the files of one still running.
 */
export function asideName(file: string, suffix: 'tmp' | 'bak'): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${threadId}.${suffix}`);
}

const ASIDE = /^\.(.+)\.(\d+)\.\d+\.(?:tmp|bak)$/;

/**
 * Removes the aside files in `dir` of processes that no longer run, for the targets `accepts`
 * names. This process's own count as left over only when `ownAreLeftovers` (a caller about to
 * write there, whose process id a killed run may have had); otherwise they may be writes under way.
 */
export function removeLeftoverAsides(dir: string, options: { accepts?: (target: string) => boolean; ownAreLeftovers: boolean }): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const match = ASIDE.exec(name);
    if (!match || !(options.accepts?.(match[1]!) ?? true)) continue;
    const pid = Number(match[2]);
    if (pid === process.pid ? options.ownAreLeftovers : !isRunning(pid)) removeQuietly(path.join(dir, name));
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Tidying up: a leftover that cannot be removed (a read-only folder) stays. */
function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // best effort
  }
}

export function writeAtomic(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = asideName(file, 'tmp');
  try {
    fs.writeFileSync(temporary, content);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** The same, with the file system's work on libuv's threads: the calling thread goes on meanwhile. */
export async function writeAtomicInBackground(file: string, content: string): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const temporary = asideName(file, 'tmp');
  try {
    await fs.promises.writeFile(temporary, content);
    await fs.promises.rename(temporary, file);
  } catch (error) {
    await fs.promises.rm(temporary, { force: true });
    throw error;
  }
}
