/**
 * Review's work per cluster, as its worker processes do it (./worker-process.ts): both revisions'
 * definitions of one cluster, evaluated and synthesised side by side, and compared there, so that
 * neither side's objects ever travel. A cluster whose inputs are byte for byte the same in both
 * revisions is synthesised once.
 */
import type { StoredFacts } from '../cache/facts-codec';
import type { Finding } from '../core/findings';
import type { Dependency } from '../load/dependencies';
import type { LocatedAcknowledgement } from '../resolve/resolve';
import { currentHash } from '../load/dependencies';
import * as path from 'node:path';
import type { ComparedStates } from './compare';

export type Side = 'base' | 'head';

export interface ReviewJob {
  name: string;
  /** the definition file in each revision's tree; absent where the revision has no such cluster */
  base?: string;
  head?: string;
  /** the trees' roots: a file under one has its counterpart under the other */
  baseRoot: string;
  headRoot: string;
  /** a side whose evaluation stopped a worker: its finding, and the side is not evaluated again */
  stopped?: Partial<Record<Side, Finding>>;
  /** sides whose findings and facts the synthesis cache holds: synthesised only to be compared */
  cached?: Partial<Record<Side, true>>;
  /** show values that look sensitive in the values diff */
  showSecrets: boolean;
}

/** A side as it travels back: its findings about itself alone, and the facts the fleet rules need. */
export interface SideResult<F = StoredFacts> {
  findings: Finding[];
  facts?: F;
  /** the definition file, as findings name it */
  definitionFile?: string;
  /** the definition's acknowledgements, applied with the fleet rules' findings */
  acknowledgements?: LocatedAcknowledgement[];
}

export interface ReviewedCluster<F = StoredFacts> {
  base?: SideResult<F>;
  head?: SideResult<F>;
  /** both revisions have the same inputs: `head` stands for both */
  same?: true;
  /** what the values and objects do, and what of it would be refused; absent when `same` */
  compared?: ComparedStates;
}

/** The sides a job still evaluates, head first. */
export function sidesToEvaluate(job: ReviewJob): Side[] {
  return (['head', 'base'] as const).filter((side) => job[side] !== undefined && job.stopped?.[side] === undefined);
}

/**
 * Whether what the head's evaluation depended on is, byte for byte, what the base would read in
 * its place: the same files under the other tree's root (or the same file, outside both trees).
 */
export function sameInBase(dependencies: readonly Dependency[], job: ReviewJob, hashes: Map<string, string>): boolean {
  const headRoot = job.headRoot + path.sep;
  return dependencies.every((dependency) => {
    const counterpart = dependency.path.startsWith(headRoot) ? path.join(job.baseRoot, dependency.path.slice(headRoot.length)) : dependency.path;
    const key = `${dependency.kind}\0${counterpart}\0${dependency.deep ?? ''}`;
    let hash = hashes.get(key);
    if (hash === undefined) {
      hash = currentHash({ ...dependency, path: counterpart });
      hashes.set(key, hash);
    }
    return hash === dependency.hash;
  });
}
