/**
 * Per-cluster synthesis results, each stored with everything its output depends on: every module
 * the definition reached and every file and environment variable it read, each with the hash of
 * what the evaluation got (src/load/dependencies.ts), and calico-gen's own fingerprint (its code,
 * schemas and installed dependencies). A record is used only while all of them hash the same, so a
 * hit is what a fresh synthesis would give; a run that races an edit stores its result under the
 * content it evaluated, which the edited file no longer has.
 *
 * A fleet's records (findings, fleet facts, file hashes) live in one index file, read once and
 * written once per run: a file per cluster cost a synchronous write each, which a large fleet feels
 * on a slow disk. Rendered files are stored apart, per cluster, only when the run must write them
 * and they are not in the output folder already. Every file verifies itself (util/verified-file):
 * one that does not is dropped and rebuilt, as is an index this calico-gen did not write.
 */
import * as path from 'node:path';
import type { RenderedFiles } from '../render/files';
import type { Finding } from '../core/findings';
import type { FleetFacts } from '../validate/rules/fleet/facts';
import { currentHash, type Dependency } from '../load/dependencies';
import type { LocatedAcknowledgement } from '../resolve/resolve';
import { contentHash } from '../util/hash';
import { readVerified, removeLeftoverTemporaries, writeVerified } from '../util/verified-file';
import { codeFingerprint } from './fingerprint';
import { decodeFacts, encodeFacts, type RouterRow, type RouterTables, type StoredFacts } from './facts-codec';
import { indexProblem } from './index-shape';

/** What the cache keeps of one cluster's run through the pipeline: plain data, no objects. */
export interface CachedResult {
  cluster: string;
  /** the definition file, relative to the working directory */
  definitionFile: string;
  /** what the output depends on, as the evaluation saw it; empty: the result is not stored */
  dependencies: Dependency[];
  /** sha256 of each rendered file, to compare with generated/ without reading the content again */
  fileHashes?: Record<string, string>;
  /** findings about this cluster alone: definition, schemas, object and cluster rules */
  findings: Finding[];
  /** what the fleet rules need; undefined when the definition did not resolve */
  facts?: FleetFacts;
  /** the definition's acknowledgements, applied when a run reports (they depend on the day) */
  acknowledgements?: LocatedAcknowledgement[];
}

/** A record as the index keeps it: its dependencies by their place in the index's table, its facts compacted. */
export type StoredRecord = Omit<CachedResult, 'facts' | 'dependencies'> & { dependencies: number[]; facts?: StoredFacts };

export interface Index {
  format: typeof INDEX_FORMAT;
  /** calico-gen's fingerprint when the records were made: another one makes them all stale */
  fingerprint: string;
  /** every dependency of every record, once: a fleet's clusters share most of theirs */
  dependencies: Dependency[];
  records: Record<string, StoredRecord>;
  routerTables: Record<string, RouterRow[]>;
}

export const INDEX_FORMAT = 3;

export class SynthesisCache {
  /** what each dependency hashes to now, by kind and path: records share most of theirs */
  private readonly hashes = new Map<string, string>();
  /** the table's places, by dependency and hash */
  private places: Map<string, number> | undefined;
  private loaded: Index | undefined;
  private changed = false;

  /** `note` is told, in one line, when the stored index is not usable and is rebuilt. */
  constructor(
    private readonly dir: string,
    private readonly note: (message: string) => void = () => undefined,
  ) {}

  /**
   * The stored record (without file contents) when nothing it depends on changed. `locate` says
   * where a recorded file is now: a revision exported elsewhere (review) has every file of the
   * working tree in another folder.
   */
  lookup(cluster: string, locate: (file: string) => string = (file) => file): CachedResult | undefined {
    const index = this.index();
    const stored = index.records[cluster];
    if (!stored || !stored.dependencies.every((place) => this.isUnchanged(index.dependencies[place]!, locate))) return undefined;
    const { facts, dependencies, ...rest } = stored;
    const record = { ...rest, dependencies: dependencies.map((place) => index.dependencies[place]!) };
    if (!facts) return record;
    const decoded = decodeFacts(facts, record.definitionFile, this.routerTables);
    return decoded ? { ...record, facts: decoded } : undefined;
  }

  /** The rendered files of a record `lookup` returned, when they were stored with it and still verify. */
  files(record: Pick<CachedResult, 'cluster' | 'fileHashes'>): RenderedFiles | undefined {
    const text = readVerified(this.contentFile(record.cluster));
    let files: RenderedFiles | undefined;
    try {
      files = text === undefined ? undefined : (JSON.parse(text) as RenderedFiles);
    } catch {
      return undefined;
    }
    const matches = files && Object.entries(record.fileHashes ?? {}).every(([name, hash]) => contentHash(files[name as keyof RenderedFiles] ?? '') === hash);
    return matches ? files : undefined;
  }

  /** Keeps the record's files for this run to write (any process may); false when it could not. */
  storeFiles(record: { cluster: string; files?: RenderedFiles }): boolean {
    if (!record.files) return false;
    try {
      writeVerified(this.contentFile(record.cluster), JSON.stringify(record.files));
      return true;
    } catch {
      // an unwritable cache only costs speed
      return false;
    }
  }

  /** Remembers a cluster's result, to be written by `flush`; one without dependencies (it could not be evaluated) is not kept. */
  storeResult(record: CachedResult): void {
    const index = this.index();
    if (record.dependencies.length === 0) {
      if (index.records[record.cluster]) delete index.records[record.cluster];
      this.changed = true;
      return;
    }
    // only what CachedResult names: a result may carry its files and objects besides
    const { cluster, definitionFile, dependencies, fileHashes, findings, facts, acknowledgements } = record;
    const rest = {
      cluster,
      definitionFile,
      dependencies: dependencies.map((dependency) => this.placeOf(dependency)),
      ...(fileHashes ? { fileHashes } : {}),
      findings,
      ...(acknowledgements?.length ? { acknowledgements } : {}),
    };
    index.records[cluster] = facts ? { ...rest, facts: encodeFacts(facts, definitionFile, this.routerTables) } : rest;
    this.changed = true;
  }

  /** Writes the index if a record was stored; dependencies and router tables no record names are dropped. */
  flush(): void {
    if (!this.changed) return;
    const index = this.index();
    const named = new Set(Object.values(index.records).map((record) => record.facts?.routerTable));
    for (const hash of Object.keys(index.routerTables)) if (!named.has(hash)) delete index.routerTables[hash];
    const renumbered = new Map<number, number>();
    const dependencies: Dependency[] = [];
    for (const record of Object.values(index.records)) {
      record.dependencies = record.dependencies.map((place) => {
        if (!renumbered.has(place)) renumbered.set(place, dependencies.push(index.dependencies[place]!) - 1);
        return renumbered.get(place)!;
      });
    }
    index.dependencies = dependencies;
    this.places = undefined;
    try {
      writeVerified(this.indexFile(), JSON.stringify(index));
      this.changed = false;
    } catch {
      // an unwritable cache only costs speed
    }
  }

  private index(): Index {
    this.loaded ??= this.readIndex();
    return this.loaded;
  }

  private readIndex(): Index {
    removeLeftoverTemporaries(this.dir);
    const empty: Index = { format: INDEX_FORMAT, fingerprint: codeFingerprint(), dependencies: [], records: {}, routerTables: {} };
    const file = this.indexFile();
    const ignored = (problem: string) => this.note(`the synthesis cache ${path.relative(process.cwd(), file) || file} is ${problem}: it is ignored and rebuilt`);
    const text = readVerified(file, () => ignored('damaged (its content does not match its hash)'));
    if (text === undefined) return empty;
    let stored: unknown;
    try {
      stored = JSON.parse(text);
    } catch {
      stored = undefined;
    }
    const problem = indexProblem(stored, INDEX_FORMAT);
    if (problem !== undefined) {
      ignored(`not one this calico-gen wrote (${problem})`);
      return empty;
    }
    return (stored as Index).fingerprint === empty.fingerprint ? (stored as Index) : empty;
  }

  /** Whether a dependency, where `locate` says it is, still hashes the same; each file hashed once per run. */
  private isUnchanged(dependency: Dependency, locate: (file: string) => string): boolean {
    const located = dependency.kind.startsWith('env') ? dependency : { ...dependency, path: locate(dependency.path) };
    const key = `${located.kind}\0${located.path}\0${located.deep ?? ''}`;
    let hash = this.hashes.get(key);
    if (hash === undefined) {
      hash = currentHash(located);
      this.hashes.set(key, hash);
    }
    return hash === dependency.hash;
  }

  /** The dependency's place in the table, added when new. */
  private placeOf(dependency: Dependency): number {
    const index = this.index();
    if (!this.places) this.places = new Map(index.dependencies.map((known, place) => [dependencyKey(known), place]));
    const key = dependencyKey(dependency);
    let place = this.places.get(key);
    if (place === undefined) {
      place = index.dependencies.push(dependency) - 1;
      this.places.set(key, place);
    }
    return place;
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

const dependencyKey = (dependency: Dependency) => `${dependency.kind}\0${dependency.path}\0${dependency.deep ?? ''}\0${dependency.hash}`;
