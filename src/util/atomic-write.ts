/**
 * Writes a file so that a reader never sees half of it and a failure leaves the old one: the
 * content goes to a temporary name beside it, then is renamed into place. The temporary name
 * carries the process and thread, since worker threads of one process may write the same file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { threadId } from 'node:worker_threads';

function temporaryName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${threadId}.tmp`);
}

export function writeAtomic(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = temporaryName(file);
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
  const temporary = temporaryName(file);
  try {
    await fs.promises.writeFile(temporary, content);
    await fs.promises.rename(temporary, file);
  } catch (error) {
    await fs.promises.rm(temporary, { force: true });
    throw error;
  }
}
