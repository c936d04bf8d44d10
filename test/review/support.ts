/**
 * Temporary git repositories holding the example fleet, for review tests, with calico-gen
 * installed (node_modules, not committed) as in a fleet repository.
 */
import { execFileSync } from 'node:child_process';
import { after } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { installCalicoGen, projectRoot, runCli, tempDir } from '../support/cli';

export function git(repo: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=calico-gen test', '-c', 'user.email=test@calico-gen.invalid', '-c', 'commit.gpgsign=false', ...args], {
    cwd: repo,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const created: string[] = [];
after(() => created.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A repository whose first commit is the example fleet (clusters/). */
export function fleetRepository(): string {
  const repo = tempDir('review-repo');
  created.push(repo);
  fs.cpSync(path.join(projectRoot, 'clusters'), path.join(repo, 'clusters'), { recursive: true });
  installCalicoGen(repo);
  fs.writeFileSync(path.join(repo, '.gitignore'), 'node_modules/\n');
  git(repo, 'init', '-q', '-b', 'main');
  commitAll(repo, 'the example fleet');
  return repo;
}

export function commitAll(repo: string, message: string): void {
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', message);
}

/** Replaces text in a file of the repository, failing when the text is not there. */
export function edit(repo: string, file: string, from: string, to: string): void {
  const full = path.join(repo, file);
  const text = fs.readFileSync(full, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no ${JSON.stringify(from)}`);
  fs.writeFileSync(full, text.replace(from, to));
}

export const exampleClusters = ['ams-main', 'ams-ml', 'ams-staging', 'fra-main', 'fra-ml'];

/** The JSON shape of issue 5, as a reader of `review --format json` relies on it. */
export interface ReviewFinding {
  rule: string;
  severity: string;
  acknowledged?: { reason: string; until?: string };
}

export interface JsonReview {
  clusters: {
    cluster: string;
    values: { changed: string[]; diff: string };
    changes: { action: string; kind: string; name: string; diff: string }[];
    findings: { introduced: ReviewFinding[]; fixed: ReviewFinding[]; acknowledged: ReviewFinding[] };
  }[];
}

export function reviewJson(repo: string, ...args: string[]) {
  const result = runCli(['review', '--format', 'json', ...args], { cwd: repo });
  return { ...result, review: JSON.parse(result.stdout || '{}') as JsonReview };
}
