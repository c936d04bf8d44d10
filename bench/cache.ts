/**
 * The caches calico-gen keeps for a project: everything under node_modules/.cache/calico-gen of the
 * working directory (the transpile cache, and any synthesis cache kept beside it).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const CACHE_ROOT = path.join('node_modules', '.cache', 'calico-gen');

export function clearCaches(projectDir: string): void {
  fs.rmSync(path.join(projectDir, CACHE_ROOT), { recursive: true, force: true });
}

/** "cold" when nothing is cached, else "warm (<cache>: <files>, ...)" naming what a run will find. */
export function describeCaches(projectDir: string): string {
  const root = path.join(projectDir, CACHE_ROOT);
  const present = (fs.existsSync(root) ? fs.readdirSync(root).sort() : [])
    .map((name) => ({ name, files: countFiles(path.join(root, name)) }))
    .filter((cache) => cache.files > 0);
  if (present.length === 0) return 'cold';
  return `warm (${present.map((cache) => `${cache.name}: ${cache.files}`).join(', ')})`;
}

function countFiles(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return 1;
  return fs.readdirSync(entry).reduce((sum, name) => sum + countFiles(path.join(entry, name)), 0);
}
