import { createHash } from 'node:crypto';

/** sha256 of a file's content, hex: how caches and the output writer compare files without reading them twice. */
export function contentHash(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}
