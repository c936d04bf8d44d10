/**
 * The only module that writes to `generated/`: each file goes to a temporary name and is renamed
 * into place, so a reader never sees half a file and a failed run leaves the old one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { contentHash } from '../util/hash';
import { writeAtomic } from '../util/atomic-write';
import { MANIFESTS_FILE, VALUES_FILE, type RenderedFiles } from '../render/files';

/** One cluster's output as the writer needs it: hashes to compare, content only to write. */
export interface ClusterOutput {
  cluster: string;
  fileHashes: Record<string, string>;
  /** the files were found in the output folder moments ago, when they were synthesised */
  alreadyWritten?: boolean;
  content(): RenderedFiles;
}

export interface StaleFile {
  file: string;
  /** unified diff from what is on disk to what synthesis produces */
  diff: string;
}

/** Writes what changed; returns the paths written. Unchanged files are not touched. */
export function writeClusters(outDir: string, clusters: readonly ClusterOutput[]): string[] {
  const written: string[] = [];
  for (const output of clusters) {
    for (const name of changedFiles(outDir, output)) {
      const file = path.join(outDir, output.cluster, name);
      writeAtomic(file, output.content()[name as keyof RenderedFiles]);
      written.push(file);
    }
  }
  return written;
}

function changedFiles(outDir: string, output: ClusterOutput): string[] {
  if (output.alreadyWritten) return [];
  return Object.entries(output.fileHashes)
    .filter(([name, hash]) => !hasHash(path.join(outDir, output.cluster, name), hash))
    .map(([name]) => name);
}

/** Whether outDir holds files with exactly these hashes for the cluster. */
export function matchesHashes(outDir: string, cluster: string, fileHashes: Record<string, string>): boolean {
  return Object.entries(fileHashes).every(([name, hash]) => hasHash(path.join(outDir, cluster, name), hash));
}

function hasHash(file: string, hash: string): boolean {
  try {
    return contentHash(fs.readFileSync(file)) === hash;
  } catch {
    return false;
  }
}

/** Whether outDir already holds exactly these files of the cluster (compared as bytes: no decoding). */
export function isWritten(outDir: string, cluster: string, files: RenderedFiles): boolean {
  return Object.entries(files).every(([name, content]) => {
    try {
      return fs.readFileSync(path.join(outDir, cluster, name)).equals(Buffer.from(content));
    } catch {
      return false;
    }
  });
}

/** Cluster folders under outDir that synthesis no longer produces (a removed definition). */
export function orphanClusterDirs(outDir: string, clusters: readonly string[]): string[] {
  if (!fs.existsSync(outDir)) return [];
  const known = new Set(clusters);
  return fs
    .readdirSync(outDir)
    .filter((entry) => !known.has(entry) && fs.existsSync(path.join(outDir, entry, VALUES_FILE)))
    .sort()
    .map((entry) => path.join(outDir, entry));
}

export function removeOrphans(dirs: readonly string[]): void {
  for (const dir of dirs) {
    for (const name of [VALUES_FILE, MANIFESTS_FILE]) fs.rmSync(path.join(dir, name), { force: true });
    if (fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
  }
}

/** `--check`: every file that differs from a fresh synthesis, with its diff. */
export function staleFiles(outDir: string, clusters: readonly ClusterOutput[], orphans: readonly string[]): StaleFile[] {
  // loaded here: a plain synth never needs it
  const { createTwoFilesPatch } = require('diff') as typeof import('diff');
  const stale: StaleFile[] = [];
  for (const output of clusters) {
    for (const name of changedFiles(outDir, output)) {
      const file = path.join(outDir, output.cluster, name);
      const current = readOrNull(file);
      const content = output.content()[name as keyof RenderedFiles];
      stale.push({ file, diff: createTwoFilesPatch(file, file, current ?? '', content, current === null ? 'missing' : 'on disk', 'synthesised') });
    }
  }
  for (const dir of orphans) {
    const file = path.join(dir, VALUES_FILE);
    stale.push({ file, diff: `${file}: no cluster definition produces this folder any more; run \`calico-gen synth\` to remove it\n` });
  }
  return stale;
}

function readOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
