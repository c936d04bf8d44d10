/**
 * Per-cluster synthesis results, keyed by a hash of everything the cluster's output depends on:
 * the contents of its definition and of every module it imports (as recorded when it was last
 * synthesised), and calico-gen's own code. The import set can only change if one of those files
 * changes, so a matching key proves the stored result is what a fresh synthesis would give.
 *
 * A fleet's records (findings, fleet facts, file hashes) live in one index file, read once and
 * written once per run: a file per cluster cost a synchronous write each, which a large fleet feels
 * on a slow disk. Rendered files are stored apart, per cluster, only when the run must
 * write them and they are not in the output folder already; a stored copy is used only while its
 * hashes match the record's.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RenderedFiles } from '../render/files';
import type { Finding } from '../core/findings';
import type { FleetFacts } from '../validate/rules/fleet/facts';
import type { LocatedAcknowledgement } from '../resolve/resolve';
import { writeAtomic } from '../util/atomic-write';
import { contentHash } from '../util/hash';
import { codeFingerprint } from './fingerprint';
import { decodeFacts, encodeFacts, type RouterRow, type RouterTables, type StoredFacts } from './facts-codec';

/** What the cache keeps of one cluster's run through the pipeline: plain data, no objects. */
export interface CachedResult {
  cluster: string;
  /** the definition file, relative to the working directory */
  definitionFile: string;
  /** absolute paths of the definition and every module it imports: what the key hashes */
  dependencies: string[];
  /** sha256 of each rendered file, to compare with generated/ without reading the content again */
  fileHashes?: Record<string, string>;
  /** findings about this cluster alone: definition, schemas, object and cluster rules */
  findings: Finding[];
  /** what the fleet rules need; undefined when the definition did not resolve */
  facts?: FleetFacts;
  /** the definition's acknowledgements, applied when a run reports (they depend on the day) */
  acknowledgements?: LocatedAcknowledgement[];
}

interface Entry {
  key: string;
  record: Omit<CachedResult, 'facts'> & { facts?: StoredFacts };
}

interface Index {
  format: typeof INDEX_FORMAT;
  records: Record<string, Entry>;
  routerTables: Record<string, RouterRow[]>;
}

const INDEX_FORMAT = 1;

export class SynthesisCache {
  private readonly contentHashes = new Map<string, string | null>();
  private loaded: Index | undefined;
  private changed = false;

  constructor(private readonly dir: string) {}

  /** The stored record (without file contents) when nothing it depends on changed. */
  lookup(cluster: string): CachedResult | undefined {
    const entry = this.index().records[cluster];
    if (!entry || this.keyOf(entry.record.dependencies) !== entry.key) return undefined;
    const { facts, ...record } = entry.record;
    if (!facts) return record;
    const decoded = decodeFacts(facts, record.definitionFile, this.routerTables);
    return decoded ? { ...record, facts: decoded } : undefined;
  }

  /** The rendered files of a record `lookup` returned, when they were stored with it. */
  files(record: Pick<CachedResult, 'cluster' | 'fileHashes'>): RenderedFiles | undefined {
    const files = readJson<RenderedFiles>(this.contentFile(record.cluster));
    const matches = files && Object.entries(record.fileHashes ?? {}).every(([name, hash]) => contentHash(files[name as keyof RenderedFiles] ?? '') === hash);
    return matches ? files : undefined;
  }

  /** Keeps the record's files for this run to write (any thread may); false when it could not. */
  storeFiles(record: { cluster: string; files?: RenderedFiles }): boolean {
    if (!record.files) return false;
    try {
      writeAtomic(this.contentFile(record.cluster), JSON.stringify(record.files));
      return true;
    } catch {
      // an unwritable cache only costs speed
      return false;
    }
  }

  /** Remembers a cluster's result, to be written by `flush`; skipped when a dependency is gone. */
  storeResult(record: CachedResult): void {
    const key = this.keyOf(record.dependencies);
    if (key === undefined || record.dependencies.length === 0) return;
    // only what CachedResult names: a result may carry its files and objects besides
    const { cluster, definitionFile, dependencies, fileHashes, findings, facts, acknowledgements } = record;
    const rest = { cluster, definitionFile, dependencies, ...(fileHashes ? { fileHashes } : {}), findings, ...(acknowledgements?.length ? { acknowledgements } : {}) };
    const stored: Entry['record'] = facts ? { ...rest, facts: encodeFacts(facts, record.definitionFile, this.routerTables) } : rest;
    this.index().records[record.cluster] = { key, record: stored };
    this.changed = true;
  }

  /** Writes the index if a record was stored; router tables no record names are dropped. */
  flush(): void {
    if (!this.changed) return;
    const index = this.index();
    const named = new Set(Object.values(index.records).map((entry) => entry.record.facts?.routerTable));
    for (const hash of Object.keys(index.routerTables)) if (!named.has(hash)) delete index.routerTables[hash];
    try {
      writeAtomic(this.indexFile(), JSON.stringify(index));
      this.changed = false;
    } catch {
      // an unwritable cache only costs speed
    }
  }

  private index(): Index {
    if (!this.loaded) {
      const stored = readJson<Index>(this.indexFile());
      this.loaded = stored?.format === INDEX_FORMAT ? stored : { format: INDEX_FORMAT, records: {}, routerTables: {} };
    }
    return this.loaded;
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
    read: (hash) => this.index().routerTables[hash],
    write: (hash, rows) => {
      this.index().routerTables[hash] = rows;
    },
  };

  private indexFile(): string {
    return path.join(this.dir, 'records.json');
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
