/**
 * Per-cluster synthesis results, keyed by a hash of everything the cluster's output depends on:
 * the contents of its definition and of every module it imports (as recorded when it was last
 * synthesised), and calico-gen's own code. The import set can only change if one of those files
 * changes, so a matching key proves the stored result is what a fresh synthesis would give.
 *
 * The rendered files are stored apart from the small record (findings, fleet facts, file hashes):
 * most runs only need the records, and read a file's content only when it must be written.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RenderedFiles } from '../synth/render';
import type { ClusterRecord } from '../synth/record';
import { writeAtomic } from '../util/atomic-write';
import { codeFingerprint } from './fingerprint';
import { decodeFacts, encodeFacts, type RouterTables, type StoredFacts } from './facts-codec';

interface Entry {
  key: string;
  record: Omit<ClusterRecord, 'facts'> & { facts?: StoredFacts };
}

export function contentHash(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

export class SynthesisCache {
  private readonly contentHashes = new Map<string, string | null>();

  constructor(private readonly dir: string) {}

  /** The stored record (without file contents) when nothing it depends on changed. */
  lookup(cluster: string): ClusterRecord | undefined {
    const entry = readJson<Entry>(this.recordFile(cluster));
    if (!entry || this.keyOf(entry.record.dependencies) !== entry.key) return undefined;
    const { facts, ...record } = entry.record;
    if (!facts) return record;
    const decoded = decodeFacts(facts, record.definitionFile, this.routerTables);
    return decoded ? { ...record, facts: decoded } : undefined;
  }

  /** The rendered files of a record `lookup` returned. */
  files(cluster: string): RenderedFiles | undefined {
    return readJson<RenderedFiles>(this.contentFile(cluster));
  }

  /** false when nothing was stored (a vanished dependency, an unwritable cache) */
  store(record: ClusterRecord): boolean {
    const key = this.keyOf(record.dependencies);
    if (key === undefined || record.dependencies.length === 0) return false;
    const { files, facts, ...rest } = record;
    const stored: Entry['record'] = facts ? { ...rest, facts: encodeFacts(facts, record.definitionFile, this.routerTables) } : rest;
    try {
      if (files) writeAtomic(this.contentFile(record.cluster), JSON.stringify(files));
      writeAtomic(this.recordFile(record.cluster), JSON.stringify({ key, record: stored } satisfies Entry));
      return true;
    } catch {
      // an unwritable cache only costs speed
      return false;
    }
  }

  /** undefined when a dependency is gone: the entry can never match. */
  private keyOf(dependencies: readonly string[]): string | undefined {
    const hash = createHash('sha256').update(codeFingerprint());
    for (const file of dependencies) {
      const content = this.dependencyHash(file);
      if (content === null) return undefined;
      hash.update(file).update('\0').update(content).update('\0');
    }
    return hash.digest('hex');
  }

  private dependencyHash(file: string): string | null {
    let hash = this.contentHashes.get(file);
    if (hash === undefined) {
      try {
        hash = contentHash(fs.readFileSync(file));
      } catch {
        hash = null;
      }
      this.contentHashes.set(file, hash);
    }
    return hash;
  }

  private readonly routerTables: RouterTables = {
    read: (hash) => readJson(path.join(this.dir, `routers-${hash}.json`)),
    write: (hash, rows) => {
      const file = path.join(this.dir, `routers-${hash}.json`);
      if (!fs.existsSync(file)) writeAtomic(file, JSON.stringify(rows));
    },
  };

  private recordFile(cluster: string): string {
    return path.join(this.dir, `${cluster}.record.json`);
  }

  private contentFile(cluster: string): string {
    return path.join(this.dir, `${cluster}.files.json`);
  }
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}
