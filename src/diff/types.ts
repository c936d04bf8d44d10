/** The result of diffing one cluster: what `calico-gen diff` reports, in every format. */
import type { Finding } from '../core/findings';

export type ChangeAction = 'create' | 'update' | 'delete';

export interface ObjectChange {
  action: ChangeAction;
  apiVersion: string;
  kind: string;
  name: string;
  /** null for cluster-scoped objects */
  namespace: string | null;
  /**
   * Whether the live object belongs to this Helm release, so Helm prunes or updates it (true), or
   * to nobody, so someone must clean it up by hand (false). null on create: nothing is live.
   */
  managed: boolean | null;
  /** unified diff from the live object to the desired one, both normalised; Secret data redacted */
  diff: string;
}

export interface ValuesDiff {
  changed: boolean;
  /** false when the deployed values were not read (nothing was compared); absent means true */
  compared?: false;
  /** unified diff from the deployed release's values to the synthesised ones (chart defaults merged in), sensitive values redacted */
  diff: string;
}

export interface DiffSummary {
  create: number;
  update: number;
  delete: number;
  unchanged: number;
}

export interface ClusterDiff {
  cluster: string;
  /** where the live state was read */
  source: string;
  /** the Helm release the cluster's Calico is deployed as */
  release: { name: string; namespace: string };
  changes: ObjectChange[];
  values: ValuesDiff;
  summary: DiffSummary;
  /** changes the live system will refuse (errors), risks (warnings) and notes on what was compared (info) */
  findings: Finding[];
}

/** One cluster's outcome: its diff, or why it could not be diffed (a one-line cause). */
export type ClusterOutcome = { cluster: string; diff: ClusterDiff } | { cluster: string; error: string };

export function hasChanges(diff: ClusterDiff): boolean {
  return diff.changes.length > 0 || diff.values.changed;
}

export function unmanagedDeletes(diff: ClusterDiff): number {
  return diff.changes.filter((change) => change.action === 'delete' && change.managed === false).length;
}
