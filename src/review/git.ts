/**
 * The git operations review needs, all read-only for the repository: find its top level, name a
 * revision's commit, and export a revision's tree into a temporary folder.
 *
 * A revision is exported with `git archive REV | tar -x` rather than `git worktree add`:
 * archive writes nothing into .git (no worktree entry to prune if the run is killed), runs no
 * checkout hooks, and needs no lock, so review can run while someone else uses the repository.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError } from '../util/errors';

function git(args: string[], cwd: string): Buffer {
  const result = spawnSync('git', args, { cwd, maxBuffer: 1 << 30, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
  if (result.error) throw new UserError(`review: cannot run git: ${result.error.message}`);
  if (result.status !== 0) {
    const message = result.stderr.toString().trim().split('\n')[0] || `git ${args[0]} failed`;
    throw new UserError(`review: git ${args.join(' ')}: ${message}`);
  }
  return result.stdout;
}

export function repositoryRoot(cwd: string): string {
  try {
    return fs.realpathSync(git(['rev-parse', '--show-toplevel'], cwd).toString().trim());
  } catch (error) {
    if (error instanceof UserError) throw new UserError(`review: ${cwd} is not inside a git repository: review compares two revisions of one`);
    throw error;
  }
}

/** The full commit id a revision names, or a clear error for a name that is not one. */
export function commitOf(root: string, revision: string): string {
  if (revision.startsWith('-')) throw new UserError(`review: ${JSON.stringify(revision)} is not a revision`);
  const result = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], { cwd: root });
  const commit = result.stdout?.toString().trim();
  if (result.status !== 0 || !commit) throw new UserError(`review: unknown revision ${JSON.stringify(revision)}: name a commit, branch or tag of this repository`);
  return commit;
}

/**
 * The revision's tree, exported into `dir` (created here). node_modules (never committed) is
 * linked in, so that definitions importing packages load as they do in the working tree.
 */
export function exportRevision(root: string, commit: string, dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const tar = git(['archive', '--format=tar', commit], root);
  const extracted = spawnSync('tar', ['-x', '-f', '-', '-C', dir], { input: tar, maxBuffer: 1 << 30 });
  if (extracted.status !== 0) throw new UserError(`review: cannot unpack revision ${commit.slice(0, 12)}: ${extracted.stderr?.toString().trim() || extracted.error?.message}`);
  const modules = path.join(root, 'node_modules');
  if (fs.existsSync(modules) && !fs.existsSync(path.join(dir, 'node_modules'))) fs.symlinkSync(modules, path.join(dir, 'node_modules'), 'dir');
  // in calico-gen's own repository, `calico-gen` names the tree itself (a package may import
  // itself by name), and a revision has no build: it gets the build of the calico-gen running
  if (packageName(dir) === 'calico-gen' && !fs.existsSync(path.join(dir, 'dist'))) fs.symlinkSync(runningBuild, path.join(dir, 'dist'), 'dir');
}

const runningBuild = path.resolve(__dirname, '..', '..');

function packageName(dir: string): unknown {
  try {
    return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown }).name;
  } catch {
    return undefined;
  }
}
