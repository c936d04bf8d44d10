/**
 * Cache files that prove their own integrity: the first line carries the sha256 of the rest, so a
 * file that was truncated, edited or half-written by another program is recognised on read,
 * removed, and treated as absent; the caller then rebuilds it. Writes go through a temporary file
 * and a rename (./atomic-write.ts); temporary files a killed run left behind are removed.
 */
import * as fs from 'node:fs';
import { removeLeftoverAsides, writeAtomic, writeAtomicInBackground } from './atomic-write';
import { contentHash } from './hash';

const HEADER = 'calico-gen cache sha256=';

function withHeader(content: string): string {
  return `${HEADER}${contentHash(content)}\n${content}`;
}

/**
 * The content of a verified file; undefined when it is missing, or does not verify: then it is
 * removed and `onDamaged` told.
 */
export function readVerified(file: string, onDamaged?: () => void): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const newline = text.indexOf('\n');
  const content = newline < 0 ? undefined : text.slice(newline + 1);
  if (content !== undefined && text.slice(0, newline) === `${HEADER}${contentHash(content)}`) return content;
  fs.rmSync(file, { force: true });
  onDamaged?.();
  return undefined;
}

export function writeVerified(file: string, content: string): void {
  writeAtomic(file, withHeader(content));
}

export function writeVerifiedInBackground(file: string, content: string): Promise<void> {
  return writeAtomicInBackground(file, withHeader(content));
}

/**
 * Removes the temporary files of processes that no longer run: a run killed between writing and
 * renaming leaves one behind. This process's own may be background writes under way.
 */
export function removeLeftoverTemporaries(dir: string): void {
  removeLeftoverAsides(dir, { ownAreLeftovers: false });
}
