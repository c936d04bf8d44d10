/**
 * Per-cluster synthesis results, keyed by a hash of everything the cluster's output depends on:
 * the contents of its definition and of every module it imports (as recorded when it was last
 * synthesised), and calico-gen's own code. The import set can only change if one of those files
 * changes, so a matching key proves the stored result is what a fresh synthesis would give.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeAtomic } from '../write/files';
import { codeFingerprint } from './fingerprint';

interface Entry<T> {
  key: string;
  dependencies: string[];
  record: T;
}

export class SynthesisCache<T> {
  private readonly contentHashes = new Map<string, string | null>();

  constructor(private readonly dir: string) {}

  /** The stored record when nothing it depends on changed; undefined otherwise. */
  lookup(cluster: string): T | undefined {
    const entry = this.read(cluster);
    if (!entry) return undefined;
    return this.keyOf(entry.dependencies) === entry.key ? entry.record : undefined;
  }

  store(cluster: string, dependencies: readonly string[], record: T): void {
    const key = this.keyOf(dependencies);
    if (key === undefined) return;
    try {
      writeAtomic(this.file(cluster), JSON.stringify({ key, dependencies: [...dependencies], record } satisfies Entry<T>));
    } catch {
      // an unwritable cache only costs speed
    }
  }

  /** undefined when a dependency is gone: the entry can never match. */
  private keyOf(dependencies: readonly string[]): string | undefined {
    const hash = createHash('sha256').update(codeFingerprint());
    for (const file of dependencies) {
      const content = this.contentHash(file);
      if (content === null) return undefined;
      hash.update(file).update('\0').update(content).update('\0');
    }
    return hash.digest('hex');
  }

  private contentHash(file: string): string | null {
    let hash = this.contentHashes.get(file);
    if (hash === undefined) {
      try {
        hash = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
      } catch {
        hash = null;
      }
      this.contentHashes.set(file, hash);
    }
    return hash;
  }

  private read(cluster: string): Entry<T> | undefined {
    try {
      return JSON.parse(fs.readFileSync(this.file(cluster), 'utf8')) as Entry<T>;
    } catch {
      return undefined;
    }
  }

  private file(cluster: string): string {
    return path.join(this.dir, `${cluster}.json`);
  }
}
