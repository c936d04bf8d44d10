/**
 * The only module that writes to `generated/`: each file goes to a temporary name and is renamed
 * into place, so a reader never sees half a file and a failed run leaves the old one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { MANIFESTS_FILE, VALUES_FILE, type RenderedFiles } from '../synth/render';

export interface ClusterFiles {
  cluster: string;
  files: RenderedFiles;
}

export interface StaleFile {
  file: string;
  /** unified diff from what is on disk to what synthesis produces */
  diff: string;
}

export function writeAtomic(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temporary, content);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** Writes what changed; returns the paths written. Unchanged files are not touched. */
export function writeClusters(outDir: string, clusters: readonly ClusterFiles[]): string[] {
  const written: string[] = [];
  for (const { cluster, files } of clusters) {
    for (const [name, content] of Object.entries(files)) {
      const file = path.join(outDir, cluster, name);
      if (readOrNull(file) === content) continue;
      writeAtomic(file, content);
      written.push(file);
    }
  }
  return written;
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
export function staleFiles(outDir: string, clusters: readonly ClusterFiles[], orphans: readonly string[]): StaleFile[] {
  const stale: StaleFile[] = [];
  for (const { cluster, files } of clusters) {
    for (const [name, content] of Object.entries(files)) {
      const file = path.join(outDir, cluster, name);
      const current = readOrNull(file);
      if (current === content) continue;
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
