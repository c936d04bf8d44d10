/**
 * The only module that writes to `generated/`: every changed file of every cluster, and the
 * removal of folders no definition produces any more, in one transaction (src/util/file-transaction.ts):
 * a run that cannot write every cluster changes none, and a reader never sees half a file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { contentHash } from '../util/hash';
import { commitFiles, type FileWrite } from '../util/file-transaction';
import { VALUES_FILE, type RenderedFiles } from '../render/files';
import { removeLeftovers, type OrphanFolder } from './orphans';

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

/**
 * Writes what changed and removes calico-gen's files of the orphan folders, all or nothing;
 * returns the paths written. Unchanged files are not touched.
 */
export function writeClusters(outDir: string, clusters: readonly ClusterOutput[], orphans: readonly OrphanFolder[], display: (file: string) => string): string[] {
  const written = commitFiles(changedWrites(outDir, clusters), orphans.flatMap((orphan) => orphan.files), { display });
  for (const orphan of orphans) removeIfEmpty(orphan.dir);
  return written;
}

/** One cluster's content at a time: a large fleet's output is never all in memory at once. */
function* changedWrites(outDir: string, clusters: readonly ClusterOutput[]): Generator<FileWrite> {
  for (const output of clusters) {
    const names = changedFiles(outDir, output);
    if (names.length === 0) continue;
    const folder = path.join(outDir, output.cluster);
    removeLeftovers([folder]);
    const content = output.content();
    for (const name of names) yield { file: path.join(folder, name), content: content[name as keyof RenderedFiles] };
  }
}

function removeIfEmpty(dir: string): void {
  try {
    fs.rmdirSync(dir);
  } catch {
    // the user's own files are in it: it stays
  }
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

/** A symbolic link in place of a file counts as different: it is replaced by the file, never written through. */
function hasHash(file: string, hash: string): boolean {
  try {
    return !fs.lstatSync(file).isSymbolicLink() && contentHash(fs.readFileSync(file)) === hash;
  } catch {
    return false;
  }
}

/** Whether outDir already holds exactly these files of the cluster (compared as bytes: no decoding). */
export function isWritten(outDir: string, cluster: string, files: RenderedFiles): boolean {
  return Object.entries(files).every(([name, content]) => {
    const file = path.join(outDir, cluster, name);
    try {
      return !fs.lstatSync(file).isSymbolicLink() && fs.readFileSync(file).equals(Buffer.from(content));
    } catch {
      return false;
    }
  });
}

/** `--check`: every file that differs from a fresh synthesis, with its diff. */
export function staleFiles(outDir: string, clusters: readonly ClusterOutput[], orphans: readonly OrphanFolder[]): StaleFile[] {
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
  for (const { dir } of orphans) {
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
