import type { KubeObject } from '../core/kube';
import type { Finding } from '../core/findings';
import { ruleBugMessage, type ObjectRule } from './rule';
import { isCalicoObject } from '../core/calico';
import { kindOf, refOf } from '../core/kube';
import { objectRules } from './rules/objects';
import { memoiseFrozen } from '../util/memo';

function runRule(rule: ObjectRule, object: KubeObject, cluster: string): Finding[] {
  let hits;
  try {
    hits = rule.check(object);
  } catch (e) {
    hits = [{ path: '', message: ruleBugMessage(rule.id, e) }];
  }
  return hits.map((h) => ({
    rule: rule.id,
    severity: h.severity ?? rule.severity,
    cluster: h.cluster ?? cluster,
    object: h.object ?? refOf(object),
    path: h.path,
    message: h.message,
  }));
}

/** Every applicable rule's findings about one object, without a cluster; none for a non-Calico object. */
function findingsUnder(rules: readonly ObjectRule[], object: KubeObject): Finding[] {
  const kind = kindOf(object);
  if (kind === undefined || !isCalicoObject(object)) return [];
  return rules.filter((rule) => rule.kinds.includes(kind)).flatMap((rule) => runRule(rule, object, ''));
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
