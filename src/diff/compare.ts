/**
 * Desired objects against live ones: pairs them by identity, normalises each pair and decides
 * create / update / delete / unchanged, with a unified diff per change.
 */
import { type KubeObject, groupOfApiVersion, kindKey, objectKey } from '../core/kube';
import { compareStrings } from '../util/compare';
import { type LiveState } from '../live/types';
import { CALICO_GROUP } from '../core/calico';
import { canonicalJson, normalisePair } from './normalise';
import { ReleaseOwnership, type ReleaseRef } from './ownership';
import type { NormalisationRule } from './normalisation/rule';
import { foldStringData, redactSecretPair } from './redact';
import { objectPatch } from './unified';
import type { ChangeAction, ObjectChange } from './types';

export interface ComparedPair {
  action: ChangeAction | 'unchanged';
  desired?: KubeObject;
  live?: KubeObject;
  /** an update's sides as compared, for its diff */
  normalised?: ReturnType<typeof normalisePair>;
}

export interface ObjectPlan {
  changes: ObjectChange[];
  pairs: ComparedPair[];
  unchanged: number;
  /** desired objects of kinds the live source holds nothing about, by kind (`<group>/<Kind>`) */
  notRead: Map<string, number>;
  ownership: ReleaseOwnership;
}

export function planObjects(desired: readonly KubeObject[], live: LiveState, release: ReleaseRef, rules: readonly NormalisationRule[]): ObjectPlan {
  const ownership = new ReleaseOwnership(release, live.release);
  const desiredByKey = new Map(desired.map((object) => [objectKey(object), foldStringData(object)]));
  const notRead = new Map<string, number>();
  const pairs: ComparedPair[] = [];
  const liveByKey = new Map<string, KubeObject>();
  for (const object of live.objects) {
    const key = objectKey(object);
    if (live.kinds.has(kindKey(object)) && inScope(object, desiredByKey.has(key), ownership)) liveByKey.set(key, object);
  }
  for (const [key, object] of desiredByKey) {
    if (!live.kinds.has(kindKey(object))) {
      notRead.set(kindKey(object), (notRead.get(kindKey(object)) ?? 0) + 1);
      continue;
    }
    pairs.push(comparePair(object, liveByKey.get(key), rules));
  }
  for (const [key, object] of liveByKey) if (!desiredByKey.has(key)) pairs.push(comparePair(undefined, object, rules));
  const order = kindOrder(desired);
  pairs.sort((a, b) => compareIdentity(a.desired ?? a.live!, b.desired ?? b.live!, order));
  // an object created or deleted shows whole, minus server bookkeeping
  const wholeRules = rules.map(({ reason, match, ignore }) => ({ reason, match, ignore }));
  const changes = pairs.filter((pair) => pair.action !== 'unchanged').map((pair) => toChange(pair, ownership, wholeRules));
  return { changes, pairs, unchanged: pairs.length - changes.length, notRead, ownership };
}

/**
 * Every live object of a Calico kind counts (an undeclared pool matters); of other kinds only the
 * desired ones and the release's own (a cluster has many ClusterRoles that are none of ours).
 */
function inScope(live: KubeObject, desired: boolean, ownership: ReleaseOwnership): boolean {
  return desired || groupOfApiVersion(live.apiVersion) === CALICO_GROUP || ownership.inRelease(live);
}

function comparePair(desired: KubeObject | undefined, live: KubeObject | undefined, rules: readonly NormalisationRule[]): ComparedPair {
  if (!live) return { action: 'create', desired };
  if (!desired) return { action: 'delete', live };
  const normalised = normalisePair(desired, live, rules);
  const same = canonicalJson(normalised.desired) === canonicalJson(normalised.live);
  return same ? { action: 'unchanged', desired, live } : { action: 'update', desired, live, normalised };
}

function toChange(pair: ComparedPair, ownership: ReleaseOwnership, wholeRules: readonly NormalisationRule[]): ObjectChange {
  const subject = pair.desired ?? pair.live!;
  // an update shows only what differs, as compared
  const normalised = pair.normalised ?? normalisePair(pair.desired, pair.live, wholeRules);
  const shown = redactSecretPair(normalised.desired, normalised.live);
  return {
    action: pair.action as ChangeAction,
    apiVersion: subject.apiVersion,
    kind: subject.kind,
    name: subject.metadata.name,
    namespace: subject.metadata.namespace ?? null,
    managed: pair.live ? ownership.inRelease(pair.live) : null,
    diff: objectPatch(subject, shown.live, shown.desired),
  };
}

/** Kinds in the order the desired manifests bring them (Calico objects first), live-only kinds after. */
function kindOrder(desired: readonly KubeObject[]): Map<string, number> {
  const order = new Map<string, number>();
  for (const object of desired) if (!order.has(kindKey(object))) order.set(kindKey(object), order.size);
  return order;
}

function compareIdentity(a: KubeObject, b: KubeObject, order: Map<string, number>): number {
  const rank = (o: KubeObject) => order.get(kindKey(o)) ?? order.size;
  return rank(a) - rank(b) || compareStrings(kindKey(a), kindKey(b)) || compareStrings(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || compareStrings(a.metadata.name, b.metadata.name);
}
