/**
 * calico-gen as a library. Cluster definitions import the define functions and the definition
 * types from here (`import { defineCluster } from 'calico-gen'`), so loading this module must stay
 * cheap: the programmatic API (the use cases behind each command) is required only when called.
 */
import type { CapacityResult } from './api/capacity';
import type { DiffOptions, DiffRun } from './api/diff';
import type { ImportOptions, ImportResult } from './api/import';
import type { Review, ReviewOptions } from './api/review';
import type { SynthOptions, SynthResult } from './api/synth';
import type { ValidateInputs } from './api/validate';
import type { FindingsReport } from './core/findings';

export { defineCluster, defineLayer, defineRouter } from './model/define';
export type * from './model/definition';

export type { CapacityResult } from './api/capacity';
export type { DiffOptions, DiffOutcome, DiffRun, LiveSource } from './api/diff';
export type { ImportOptions, ImportResult } from './api/import';
export type { Review, ReviewOptions } from './api/review';
export type { SynthOptions, SynthResult } from './api/synth';
export type { ValidateInputs } from './api/validate';
export type { Finding, FindingsReport, Severity, SourceLocation } from './core/findings';

/** Validates the definitions, then writes generated/<cluster>/ (or, with `check`, compares). */
export function synth(options: SynthOptions): Promise<SynthResult> {
  return (require('./api/synth') as typeof import('./api/synth')).synth(options);
}

/** Every finding about the definitions (or hand-written values files and manifests). */
export function validate(inputs: ValidateInputs): Promise<FindingsReport> {
  return (require('./api/validate') as typeof import('./api/validate')).validate(inputs);
}

/** IPAM capacity per cluster and IP pool. */
export function capacity(inputs: ValidateInputs): Promise<CapacityResult> {
  return (require('./api/capacity') as typeof import('./api/capacity')).capacity(inputs);
}

/** What `helmfile apply` would change in each cluster, against the live cluster or saved dumps. */
export function diff(options: DiffOptions): Promise<DiffRun> {
  return (require('./api/diff') as typeof import('./api/diff')).diff(options);
}

/** What a change does to each cluster between two git revisions. */
export function review(options: ReviewOptions): Promise<Review> {
  return (require('./api/review') as typeof import('./api/review')).review(options);
}

/** A helmfile values tree → cluster definitions, written only when they reproduce every cluster's values. */
export function importFleet(options: ImportOptions): Promise<ImportResult> {
  return (require('./api/import') as typeof import('./api/import')).importFleet(options);
}
