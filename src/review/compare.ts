/**
 * Two revisions' states → what the change does to each cluster: values keys changed (with the
 * unified diff of calico-values.yaml), objects created, updated or deleted (each with its diff),
 * findings introduced and fixed. Clusters the change leaves alone are not listed.
 *
 * The findings introduced include what the change itself would be refused for or risks (a pool's
 * cidr changed in place, the cluster's AS changed): diff's refusals that need no live state, run
 * with the base revision's objects standing for the deployed ones.
 */
import { isDeepStrictEqual } from 'node:util';
import { unifiedDiff } from '../diff/unified';
import type { Json } from '../diff/field-path';
import { redactSecretPair, redactValuesPair } from '../diff/redact';
import type { ChangeAction } from '../diff/types';
import type { ComparedPair } from '../diff/compare';
import { changeRefusals, checkRefusals } from '../diff/refusals';
import { toYaml } from '../render/yaml';
import type { KubeObject } from '../core/kube';
import type { Finding } from '../core/findings';
import { sortFindings } from '../core/findings';
import { compareStrings } from '../util/compare';
import { changedPaths, formatValuePath } from '../util/value-paths';
import type { ClusterState, RevisionState } from './synthesize-revision';

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
const yaml = (value: unknown) => (value === undefined ? '' : toYaml(value));

export interface CompareOptions {
  /** values that look sensitive are `<redacted>` in the values diff unless this is set */
  showSecrets: boolean;
}

export function compareRevisions(base: RevisionState, head: RevisionState, options: CompareOptions = { showSecrets: false }): ClusterReview[] {
  const names = [...new Set([...base.clusters.keys(), ...head.clusters.keys()])].sort(compareStrings);
  return names
    .map((name) => compareCluster(name, base.clusters.get(name) ?? { findings: [] }, head.clusters.get(name) ?? { findings: [] }, options))
    .filter(changes);
}

function changes(review: ClusterReview): boolean {
  const { introduced, fixed, acknowledged } = review.findings;
  return review.values.changed.length + review.changes.length + introduced.length + fixed.length + acknowledged.length > 0;
}

function compareCluster(cluster: string, base: ClusterState, head: ClusterState, options: CompareOptions): ClusterReview {
  const pairs = pairObjects(base, head);
  const findings = compareFindings(base.findings, head.findings);
  return {
    cluster,
    values: compareValues(cluster, base, head, options),
    changes: pairs.filter((pair) => pair.action !== 'unchanged').map(objectChange).sort((a, b) => compareStrings(a.kind, b.kind) || compareStrings(a.name, b.name)),
    findings: { ...findings, introduced: sortFindings([...findings.introduced, ...refusalsOf(cluster, base, head, pairs)]) },
  };
}

/**
 * The change's refusals, when the cluster exists on both sides: a cluster added or removed is not
 * deployed or removed by a Helm upgrade, so nothing of it is refused.
 */
function refusalsOf(cluster: string, base: ClusterState, head: ClusterState, pairs: readonly ComparedPair[]): Finding[] {
  if (!head.release || !base.manifests || !head.manifests) return [];
  // the base revision's objects are the chart's, so the release owns every one of them
  return checkRefusals(cluster, { release: head.release, ownership: { inRelease: () => true }, pairs }, changeRefusals);
}

/** A cluster whose definition did not resolve on one side has no values there: only its findings are compared. */
function compareValues(cluster: string, base: ClusterState, head: ClusterState, options: CompareOptions): ClusterReview['values'] {
  if (!comparable(base, head) || isDeepStrictEqual(base.values, head.values)) return { changed: [], diff: '' };
  const file = `generated/${cluster}/calico-values.yaml`;
  // a review goes into a merge request, read by more people than the repository's writers
  const [after, before] = options.showSecrets ? [head.values, base.values] : redactValuesPair(head.values as Json | undefined, base.values as Json | undefined);
  return {
    changed: changedPaths(base.values ?? {}, head.values ?? {}).map(formatValuePath),
    diff: labelledDiff(file, yaml(before), yaml(after)),
  };
}

/** Every object of either side, paired by identity, as diff pairs live and desired ones. */
function pairObjects(base: ClusterState, head: ClusterState): ComparedPair[] {
  if (!comparable(base, head)) return [];
  const before = byIdentity(base.manifests ?? []);
  const after = byIdentity(head.manifests ?? []);
  return [...new Set([...before.keys(), ...after.keys()])].map((id) => {
    const [live, desired] = [before.get(id), after.get(id)];
    const action = !live ? 'create' : !desired ? 'delete' : isDeepStrictEqual(live, desired) ? 'unchanged' : 'update';
    return { action, live, desired };
  });
}

function objectChange(pair: ComparedPair): ObjectChange {
  const object = (pair.desired ?? pair.live)!;
  const label = `${object.kind}/${object.metadata.name}`;
  // a Secret's data is redacted whole, as diff shows it
  const shown = redactSecretPair(pair.desired, pair.live);
  return { action: pair.action as ChangeAction, kind: object.kind, name: object.metadata.name, diff: labelledDiff(label, yaml(shown.live), yaml(shown.desired)) };
}

/** A side that failed to resolve while its definition file exists says nothing about its objects. */
function comparable(base: ClusterState, head: ClusterState): boolean {
  const failed = (state: ClusterState) => state.values === undefined && state.findings.length > 0;
  return !failed(base) && !failed(head);
}

function byIdentity(objects: readonly KubeObject[]): Map<string, KubeObject> {
  return new Map(objects.map((object) => [`${object.kind}\0${object.metadata.namespace ?? ''}\0${object.metadata.name}`, object]));
}

/**
 * Findings are the same finding when all but their line numbers and acknowledgement agree: an edit
 * above moves lines, and acknowledging a finding does not fix it.
 */
function compareFindings(base: readonly Finding[], head: readonly Finding[]): ClusterReview['findings'] {
  const identity = (f: Finding) => JSON.stringify([f.rule, f.severity, f.cluster, f.object, f.path, f.message, f.source?.file ?? '']);
  const note = (f: Finding | undefined) => JSON.stringify(f?.acknowledged ?? null);
  const before = new Map(base.map((f) => [identity(f), f]));
  const after = new Set(head.map(identity));
  return {
    introduced: sortFindings(head.filter((f) => !before.has(identity(f)))),
    fixed: sortFindings(base.filter((f) => !after.has(identity(f)))),
    acknowledged: sortFindings(head.filter((f) => f.acknowledged && before.has(identity(f)) && note(before.get(identity(f))) !== note(f))),
  };
}

function labelledDiff(label: string, before: string, after: string): string {
  return unifiedDiff(`a/${label}`, `b/${label}`, before, after);
}
