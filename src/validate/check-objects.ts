import { type KubeObject, kindOf, refOf } from '../core/kube';
import { findingOf, type Finding } from '../core/findings';
import type { ObjectRule } from './rule';
import { isCalicoObject } from '../core/calico';
import { objectRules } from './rules/objects';
import { memoiseFrozen } from '../util/memo';

/** Every applicable rule's findings about one object, without a cluster; none for a non-Calico object. */
function findingsUnder(rules: readonly ObjectRule[], object: KubeObject): Finding[] {
  const kind = kindOf(object);
  if (kind === undefined || !isCalicoObject(object)) return [];
  const about = { cluster: '', object: refOf(object) };
  return rules.filter((rule) => rule.kinds.includes(kind)).flatMap((rule) => rule.check(object).map((hit) => findingOf(rule, hit, about)));
}

/** Object rules are pure: an object the fleet repeats (the same frozen instance) is checked once. */
const findingsOf = memoiseFrozen((object: KubeObject) => findingsUnder(objectRules, object));

/** Runs every object rule that applies to each Calico object; other objects are skipped. */
export function checkObjects(
  objects: readonly KubeObject[],
  cluster: string,
  rules: readonly ObjectRule[] = objectRules,
): Finding[] {
  const findings: Finding[] = [];
  for (const object of objects) {
    const found = rules === objectRules ? findingsOf(object) : findingsUnder(rules, object);
    for (const finding of found) findings.push(finding.cluster ? finding : { ...finding, cluster });
  }
  return findings;
}
