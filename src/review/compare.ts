/**
 * Two revisions' states of a cluster → what the change does to it: values keys changed (with the
 * unified diff of calico-values.yaml), objects created, updated or deleted (each with its diff),
 * what the change itself would be refused for or risks, and, once the fleet rules have run on each
 * side, findings introduced, fixed and acknowledged.
 *
 * The refusals are diff's that need no live state (a pool's cidr changed in place, the cluster's
 * AS changed), run with the base revision's objects standing for the deployed ones.
 */
import { isDeepStrictEqual } from 'node:util';
import { unifiedDiffOfLines } from '../diff/unified';
import type { Json } from '../diff/field-path';
import { redactSecretPair, redactValuesPair } from '../diff/redact';
import type { ChangeAction } from '../diff/types';
import type { ComparedPair } from '../diff/compare';
import { changeRefusals, checkRefusals } from '../diff/refusals';
import { toYamlLines, toYamlLinesPair } from '../render/yaml';
import type { KubeObject } from '../core/kube';
import type { Finding } from '../core/findings';
import { sortFindings } from '../core/findings';
import { compareStrings } from '../util/compare';
import { memoiseFrozen } from '../util/memo';
import { changedPaths, formatValuePath } from '../util/value-paths';

export interface ObjectChange {
  action: ChangeAction;
  kind: string;
  name: string;
  diff: string;
}

export interface ClusterReview {
  cluster: string;
  values: { changed: string[]; diff: string };
  changes: ObjectChange[];
  /** introduced and fixed; acknowledged: findings on both sides that the change acknowledges (newly, or anew) */
  findings: { introduced: Finding[]; fixed: Finding[]; acknowledged: Finding[] };
}

// with the emitter that writes generated/, so that the diffs read like a diff of generated/
const yaml = (value: unknown): string[] => (value === undefined ? [] : toYamlLines(value));

/** One side of a cluster, in the worker that synthesised it: what it makes, and its findings about itself alone. */
export interface ClusterState {
  values?: Record<string, unknown>;
  manifests?: KubeObject[];
  /** the Helm release the cluster's Calico is deployed as */
  release?: { name: string; namespace: string };
  findings: Finding[];
}

export interface CompareOptions {
  /** values that look sensitive are `<redacted>` in the values diff unless this is set */
  showSecrets: boolean;
}

/** What a cluster's values and objects do between two sides (an absent side: a cluster added or removed), and what of it would be refused. */
export interface ComparedStates extends Pick<ClusterReview, 'values' | 'changes'> {
  refusals: Finding[];
}

export function compareClusterStates(cluster: string, base: ClusterState, head: ClusterState, options: CompareOptions): ComparedStates {
  const pairs = pairObjects(base, head);
  return {
    values: compareValues(cluster, base, head, options),
    changes: pairs.flatMap((pair) => (pair.change ? [pair.change] : [])).sort((a, b) => compareStrings(a.kind, b.kind) || compareStrings(a.name, b.name)),
    refusals: refusalsOf(cluster, base, head, pairs),
  };
}

/** Every cluster of a revision, by name. */
export interface RevisionState {
  /** what the revision is, for messages: `base HEAD~1`, `the working tree` */
  label: string;
  clusters: Map<string, ClusterState>;
}

/**
 * Two revisions compared whole, in this process: what review does per cluster in its workers
 * (compareClusterStates there, compareFindings once the fleet rules have run), for states at hand.
 */
export function compareRevisions(base: RevisionState, head: RevisionState, options: CompareOptions = { showSecrets: false }): ClusterReview[] {
  const names = [...new Set([...base.clusters.keys(), ...head.clusters.keys()])].sort(compareStrings);
  return names
    .map((name) => {
      const [before, after] = [base.clusters.get(name) ?? { findings: [] }, head.clusters.get(name) ?? { findings: [] }];
      const { refusals, ...compared } = compareClusterStates(name, before, after, options);
      return { cluster: name, ...compared, findings: compareFindings(before.findings, after.findings, refusals) };
    })
    .filter(changes);
}

/** Whether a cluster's review says anything: the clusters a change leaves alone are not listed. */
export function changes(review: ClusterReview): boolean {
  const { introduced, fixed, acknowledged } = review.findings;
  return review.values.changed.length + review.changes.length + introduced.length + fixed.length + acknowledged.length > 0;
}

/**
 * The change's refusals, when the cluster exists on both sides: a cluster added or removed is not
 * deployed or removed by a Helm upgrade, so nothing of it is refused.
 */
function refusalsOf(cluster: string, base: ClusterState, head: ClusterState, pairs: readonly PairWithChange[]): Finding[] {
  if (!head.release || !base.manifests || !head.manifests) return [];
  // the base revision's objects are the chart's, so the release owns every one of them
  return checkRefusals(cluster, { release: head.release, ownership: { inRelease: () => true }, pairs }, changeRefusals);
}

/** A cluster whose definition did not resolve on one side has no values there: only its findings are compared. */
function compareValues(cluster: string, base: ClusterState, head: ClusterState, options: CompareOptions): ClusterReview['values'] {
  if (!comparable(base, head)) return { changed: [], diff: '' };
  const changed = changedPaths(base.values ?? {}, head.values ?? {});
  // (no key changed is not yet the same values: one side may have none, or a map another prototype)
  if (changed.length === 0 && isDeepStrictEqual(base.values, head.values)) return { changed: [], diff: '' };
  const file = `generated/${cluster}/calico-values.yaml`;
  // a review goes into a merge request, read by more people than the repository's writers
  const [after, before] = options.showSecrets ? [head.values, base.values] : redactValuesPair(head.values as Json | undefined, base.values as Json | undefined);
  const lines = before === undefined || after === undefined ? [yaml(before), yaml(after)] : toYamlLinesPair(before, after);
  return { changed: changed.map(formatValuePath), diff: labelledDiff(file, lines[0]!, lines[1]!) };
}

type PairWithChange = ComparedPair & { change: ObjectChange | null };

/** Every object of either side, paired by identity, as diff pairs live and desired ones, with its change. */
function pairObjects(base: ClusterState, head: ClusterState): PairWithChange[] {
  if (!comparable(base, head)) return [];
  const before = byIdentity(base.manifests ?? []);
  const after = byIdentity(head.manifests ?? []);
  const ids = [...before.keys()];
  for (const id of after.keys()) if (!before.has(id)) ids.push(id);
  return ids.map((id) => {
    const [live, desired] = [before.get(id), after.get(id)];
    const change = objectChange(live, desired);
    const action = change?.action ?? 'unchanged';
    return { action, ...(live ? { live } : {}), ...(desired ? { desired } : {}), change };
  });
}

/** stands for the side an object is missing from */
const ABSENT = Object.freeze({});
/** per pair of instances: the manifests stage hands every cluster with an object the same frozen instance */
const changesByPair = new WeakMap<object, WeakMap<object, ObjectChange | null>>();

/** What became of an object: nothing (null), or its change with its diff; once per pair of instances. */
function objectChange(old: KubeObject | undefined, now: KubeObject | undefined): ObjectChange | null {
  if (old === now) return null;
  const [from, to] = [old ?? ABSENT, now ?? ABSENT];
  const known = changesByPair.get(from)?.get(to);
  if (known !== undefined) return known;
  let change: ObjectChange | null = null;
  if (!(old && now && isDeepStrictEqual(old, now))) {
    const object = (now ?? old)!;
    const action: ChangeAction = !old ? 'create' : !now ? 'delete' : 'update';
    // a Secret's data is redacted whole, as diff shows it
    const shown = redactSecretPair(now, old);
    change = { action, kind: object.kind, name: object.metadata.name, diff: labelledDiff(`${object.kind}/${object.metadata.name}`, yaml(shown.live), yaml(shown.desired)) };
  }
  if (Object.isFrozen(from) && Object.isFrozen(to)) {
    if (!changesByPair.has(from)) changesByPair.set(from, new WeakMap());
    changesByPair.get(from)!.set(to, change);
  }
  return change;
}

/** A side that failed to resolve while its definition file exists says nothing about its objects. */
function comparable(base: ClusterState, head: ClusterState): boolean {
  const failed = (state: ClusterState) => state.values === undefined && state.findings.length > 0;
  return !failed(base) && !failed(head);
}

function byIdentity(objects: readonly KubeObject[]): Map<string, KubeObject> {
  const byId = new Map<string, KubeObject>();
  for (const object of objects) byId.set(identityOf(object), object);
  return byId;
}

/** once per frozen instance, which every cluster with the object shares (the manifests stage deep-freezes them) */
const identityOf = memoiseFrozen((object: KubeObject): string => `${object.kind}\0${object.metadata.namespace ?? ''}\0${object.metadata.name}`);

/**
 * Findings are the same finding when all but their line numbers and acknowledgement agree: an edit
 * above moves lines, and acknowledging a finding does not fix it. `refusals`: what the change
 * itself would be refused for, introduced by it.
 */
export function compareFindings(base: readonly Finding[], head: readonly Finding[], refusals: readonly Finding[] = []): ClusterReview['findings'] {
  const identity = (f: Finding) => JSON.stringify([f.rule, f.severity, f.cluster, f.object, f.path, f.message, f.source?.file ?? '']);
  const note = (f: Finding | undefined) => JSON.stringify(f?.acknowledged ?? null);
  const before = new Map(base.map((f) => [identity(f), f]));
  const after = new Set(head.map(identity));
  return {
    introduced: sortFindings([...head.filter((f) => !before.has(identity(f))), ...refusals]),
    fixed: sortFindings(base.filter((f) => !after.has(identity(f)))),
    acknowledged: sortFindings(head.filter((f) => f.acknowledged && before.has(identity(f)) && note(before.get(identity(f))) !== note(f))),
  };
}

function labelledDiff(label: string, before: readonly string[], after: readonly string[]): string {
  return unifiedDiffOfLines(`a/${label}`, `b/${label}`, before, after);
}
