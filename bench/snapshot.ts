/**
 * A frozen copy of the calico-gen build to measure. The working tree is shared and rebuilt while
 * the benchmark runs for minutes; a copy keeps every run on the same code (and a half-written
 * dist/ from a concurrent `tsc` cannot fail a run). node_modules is linked, not copied.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** What the CLI needs at run time: its entry, the compiled code, the schemas, the definition API source. */
const COPIED = ['bin', path.join('dist', 'src'), path.join('dist', 'charts-src'), 'schemas', 'package.json'];

export function snapshotProject(projectRoot: string, into: string): string {
  for (const entry of COPIED) {
    const from = path.join(projectRoot, entry);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(into, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(projectRoot, 'node_modules'), path.join(into, 'node_modules'), 'dir');
  return into;
}

export interface TreeState {
  commit: string;
  /** `git status --porcelain` lines: the uncommitted changes measured along with the commit */
  uncommitted: string[];
  /** sha256 over the measured dist/ files: equal hashes, equal code */
  distHash: string;
}

export function treeState(projectRoot: string, snapshot: string): TreeState {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: projectRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      return '';
    }
  };
  return {
    commit: git('rev-parse', 'HEAD').trim() || 'unknown',
    uncommitted: git('status', '--porcelain').split('\n').filter((line) => line.trim() !== ''),
    distHash: hashTree(path.join(snapshot, 'dist')).slice(0, 16),
  };
}

function hashTree(dir: string): string {
  const hash = createHash('sha256');
  const visit = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile()) hash.update(path.relative(dir, full)).update('\0').update(fs.readFileSync(full));
    }
  };
  visit(dir);
  return hash.digest('hex');
}
