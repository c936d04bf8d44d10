/**
 * Two revisions' states of a cluster → what the change does to it: values keys changed (with the
 * unified diff of calico-values.yaml), objects created, updated or deleted (each with its diff),
 * and, once the fleet rules have run on each side, findings introduced and fixed.
 */
import { isDeepStrictEqual } from 'node:util';
import { unifiedDiff } from '../diff/unified';
import type { ChangeAction } from '../diff/types';
import { toYaml } from '../render/yaml';
import type { KubeObject } from '../core/kube';
import type { Finding } from '../core/findings';
import { sortFindings } from '../core/findings';
import { compareStrings } from '../util/compare';
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
  findings: { introduced: Finding[]; fixed: Finding[] };
}

// with the emitter that writes generated/, so that the diffs read like a diff of generated/
const yaml = (value: unknown) => (value === undefined ? '' : toYaml(value));

/** One side of a cluster, in the worker that synthesised it: what it makes, and its findings about itself alone. */
export interface ClusterState {
  values?: Record<string, unknown>;
  manifests?: KubeObject[];
  findings: Finding[];
}

/** What a cluster's values and objects do between two sides (an absent side: a cluster added or removed). */
export function compareClusterStates(cluster: string, base: ClusterState, head: ClusterState): Pick<ClusterReview, 'values' | 'changes'> {
  return { values: compareValues(cluster, base, head), changes: compareObjects(base, head) };
}

/** Whether a cluster's review says anything: the clusters a change leaves alone are not listed. */
export function changes(review: ClusterReview): boolean {
  return review.values.changed.length + review.changes.length + review.findings.introduced.length + review.findings.fixed.length > 0;
}

function compareValues(cluster: string, base: ClusterState, head: ClusterState): ClusterReview['values'] {
  if (!comparable(base, head) || isDeepStrictEqual(base.values, head.values)) return { changed: [], diff: '' };
  const file = `generated/${cluster}/calico-values.yaml`;
  return {
    changed: changedPaths(base.values ?? {}, head.values ?? {}).map(formatValuePath),
    diff: labelledDiff(file, yaml(base.values), yaml(head.values)),
  };
}

function compareObjects(base: ClusterState, head: ClusterState): ObjectChange[] {
  if (!comparable(base, head)) return [];
  const before = byIdentity(base.manifests ?? []);
  const after = byIdentity(head.manifests ?? []);
  const result: ObjectChange[] = [];
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const change = objectChange(before.get(id), after.get(id));
    if (change) result.push(change);
  }
  return result.sort((a, b) => compareStrings(a.kind, b.kind) || compareStrings(a.name, b.name));
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
    change = { action, kind: object.kind, name: object.metadata.name, diff: labelledDiff(`${object.kind}/${object.metadata.name}`, yaml(old), yaml(now)) };
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
  return new Map(objects.map((object) => [`${object.kind}\0${object.metadata.namespace ?? ''}\0${object.metadata.name}`, object]));
}

/** Findings are the same finding when all but their line numbers agree: an edit above moves lines. */
export function compareFindings(base: readonly Finding[], head: readonly Finding[]): ClusterReview['findings'] {
  const identity = (f: Finding) => JSON.stringify([f.rule, f.severity, f.cluster, f.object, f.path, f.message, f.source?.file ?? '']);
  const before = new Set(base.map(identity));
  const after = new Set(head.map(identity));
  return {
    introduced: sortFindings(head.filter((f) => !before.has(identity(f)))),
    fixed: sortFindings(base.filter((f) => !after.has(identity(f)))),
  };
}

function labelledDiff(label: string, before: string, after: string): string {
  return unifiedDiff(`a/${label}`, `b/${label}`, before, after);
}
