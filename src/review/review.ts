/**
 * `calico-gen review`, the library half: synthesise the base revision and the head (a revision,
 * or the working tree as it is on disk) with the calico-gen code running now, then compare.
 * The working tree is only read; each revision is synthesised from its own temporary copy.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { EvaluationLimits } from '../pipeline';
import { UserError } from '../util/errors';
import { commitOf, exportRevision, repositoryRoot } from './git';
import { synthesizeRevision, type RevisionState } from './synthesize-revision';
import { compareRevisions, type ClusterReview } from './compare';

export interface ReviewOptions {
  /** how long one definition may take and how much memory (the pipeline's defaults otherwise) */
  limits?: Partial<EvaluationLimits>;
  cwd: string;
  /** the clusters folder, relative to cwd */
  clustersDir: string;
  base: string;
  /** a revision; the working tree when undefined */
  head?: string;
  /** only these clusters; all when empty */
  only?: readonly string[];
}

export interface RevisionLabel {
  revision: string;
  /** the commit, or undefined for the working tree */
  commit?: string;
}

export interface Review {
  base: RevisionLabel;
  head: RevisionLabel;
  /** clusters the change touches, by name */
  clusters: ClusterReview[];
  /** how many clusters either side defines (after --cluster) */
  clusterCount: number;
}

export async function reviewChange(options: ReviewOptions): Promise<Review> {
  const root = repositoryRoot(options.cwd);
  const clustersDir = path.relative(root, realPath(path.resolve(options.cwd, options.clustersDir)));
  if (clustersDir.startsWith('..')) throw new UserError(`review: the clusters folder ${options.clustersDir} is outside the repository ${root}`);
  const baseCommit = commitOf(root, options.base);
  const headCommit = options.head === undefined ? undefined : commitOf(root, options.head);
  // the revisions' trees live here, and go when review ends
  const session = fs.mkdtempSync(path.join(os.tmpdir(), 'calico-gen-review-'));
  try {
    const at = (label: string, side: string, commit: string | undefined): Promise<RevisionState> => {
      let tree = root;
      if (commit) {
        tree = path.join(session, side);
        exportRevision(root, commit, tree);
      }
      return synthesizeRevision({ label, root: tree, clustersDir, repositoryRoot: root, cwd: options.cwd, limits: options.limits });
    };
    const base = await at(`base ${options.base}`, 'base', baseCommit);
    const head = await at(options.head === undefined ? 'the working tree' : `head ${options.head}`, 'head', headCommit);
    checkOnly(options.only ?? [], [...base.clusters.keys(), ...head.clusters.keys()]);
    const [before, after] = [select(base, options.only), select(head, options.only)];
    return {
      base: { revision: options.base, commit: baseCommit },
      head: { revision: options.head ?? 'working tree', commit: headCommit },
      clusters: compareRevisions(before, after),
      clusterCount: new Set([...before.clusters.keys(), ...after.clusters.keys()]).size,
    };
  } finally {
    fs.rmSync(session, { recursive: true, force: true });
  }
}

function checkOnly(only: readonly string[], known: readonly string[]): void {
  const unknown = only.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new UserError(`review: unknown cluster ${unknown.join(', ')}: neither revision defines it (clusters are ${[...new Set(known)].sort().join(', ')})`);
}

function select(state: RevisionState, only: readonly string[] | undefined): RevisionState {
  if (!only || only.length === 0) return state;
  return { ...state, clusters: new Map([...state.clusters].filter(([name]) => only.includes(name))) };
}

/** The folder may be missing from the working tree (a change that deletes it): resolve what exists. */
function realPath(file: string): string {
  let existing = file;
  const rest: string[] = [];
  while (!fs.existsSync(existing) && path.dirname(existing) !== existing) {
    rest.unshift(path.basename(existing));
    existing = path.dirname(existing);
  }
  return path.join(fs.realpathSync(existing), ...rest);
}
