import type { KubeObject } from '../model/kube';
import type { Finding } from './finding';
import type { ObjectRule } from './rule';
import { kindOf, nameOf, own } from './rules/objects/support/access';
import { objectRules } from './rules/objects';

const CALICO_GROUPS = ['crd.projectcalico.org/', 'projectcalico.org/'];

/** Calico objects are checked; another project's `kind: IPPool` (Antrea has one) is not. A missing
 * apiVersion does not exempt an object. */
function isCalicoObject(object: unknown): boolean {
  const apiVersion = own(object, 'apiVersion');
  return typeof apiVersion !== 'string' || CALICO_GROUPS.some((group) => apiVersion.startsWith(group));
}

function objectLabel(object: unknown, kind: string): string {
  return `${kind}/${nameOf(object) ?? '<unnamed>'}`;
}

function runRule(rule: ObjectRule, object: KubeObject, kind: string, cluster: string): Finding[] {
  let hits;
  try {
    hits = rule.check(object);
  } catch (e) {
    hits = [{ path: '', message: `internal error in rule ${rule.id} (a calico-gen bug): ${String(e)}` }];
  }
  return hits.map((h) => ({
    rule: rule.id,
    severity: h.severity ?? rule.severity,
    cluster: h.cluster ?? cluster,
    object: h.object ?? objectLabel(object, kind),
    path: h.path,
    message: h.message,
  }));
}

/**
 * Object rules are pure functions of the object, and a fleet repeats the same objects in every
 * cluster (each router's BGPPeers): their findings are computed once per distinct object.
 */
const findingsByObject = new Map<string, Finding[]>();
const MEMO_LIMIT = 50_000;

/** undefined for what JSON cannot hold (a BigInt, a cycle): such an object is checked unmemoised. */
function memoKey(object: unknown): string | undefined {
  try {
    return JSON.stringify(object);
  } catch {
    return undefined;
  }
}

/** Runs every object rule that applies to each Calico object; other objects are skipped. */
export function checkObjects(
  objects: readonly KubeObject[],
  cluster: string,
  rules: readonly ObjectRule[] = objectRules,
): Finding[] {
  const findings: Finding[] = [];
  for (const object of objects) {
    const kind = kindOf(object);
    if (kind === undefined || !isCalicoObject(object)) continue;
    const key = rules === objectRules ? memoKey(object) : undefined;
    const memoised = key !== undefined;
    let found = memoised ? findingsByObject.get(key) : undefined;
    if (!found) {
      found = rules.filter((rule) => rule.kinds.includes(kind)).flatMap((rule) => runRule(rule, object, kind, ''));
      if (memoised && findingsByObject.size < MEMO_LIMIT) findingsByObject.set(key, found);
    }
    for (const finding of found) findings.push(finding.cluster ? finding : { ...finding, cluster });
  }
  return findings;
}
