/**
 * Normalisation rules: what must not count as a change between a desired object and the live one.
 * Each rule matches objects by API group and kind and lists field paths (field-path.ts) by what
 * the server does with them, the way kapp's rebase and ignore rules are written. The built-in
 * rules in rules/ are data in exactly this form, so a user's own rule is one more entry.
 *
 *   { reason: 'kube-apiserver defaults a Service',
 *     match: { apiGroup: '', kinds: ['Service'] },
 *     defaults: [{ path: ['spec', 'type'], value: 'ClusterIP' }],
 *     rebase: [['spec', 'clusterIP']] }
 */
import type { FieldPath, Json } from '../field-path';
import { groupOfApiVersion } from '../../core/kube';

export interface ResourceMatch {
  /** API group: `''` for the core group, `apps`, `crd.projectcalico.org`; every group when left out */
  apiGroup?: string;
  /** kinds; every kind when left out */
  kinds?: readonly string[];
}

export interface DefaultField {
  path: FieldPath;
  /** the value the server fills in when the field is left out */
  value?: Json;
  /** or: the value of a sibling field (a Service port's `targetPort` defaults to its `port`) */
  sameAs?: string;
  /** only when a sibling field's text matches this regular expression (an IPPool's blockSize default depends on its family) */
  when?: { field: string; matches: string };
}

export interface NormalisationRule {
  /** why the rule exists: what fills these fields in */
  reason: string;
  match: ResourceMatch;
  /** fields the server owns: never compared */
  ignore?: readonly FieldPath[];
  /** fields the server assigns when left out (kapp's rebase `copy` from the existing object): taken from the live object when the desired one leaves them out */
  rebase?: readonly FieldPath[];
  /** fields the server fills with a default: a value equal to its default counts as not set, on either side */
  defaults?: readonly DefaultField[];
  /** Kubernetes quantities, compared by value (`1.5Gi` = `1536Mi`, `0.5` = `500m`) */
  quantities?: readonly FieldPath[];
  /** int-or-string fields: a string of digits is that number (`"80"` = `80`) */
  intOrString?: readonly FieldPath[];
  /** IP addresses and CIDRs, compared in canonical form (`2001:DB8:0::/48` = `2001:db8::/48`) */
  addresses?: readonly FieldPath[];
  /** lists the API treats as sets: their order is no change. Applied in the order given, so list inner sets first */
  sets?: readonly FieldPath[];
}

export function ruleMatches(rule: NormalisationRule, object: { apiVersion: string; kind: string }): boolean {
  const { apiGroup, kinds } = rule.match;
  if (apiGroup !== undefined && apiGroup !== groupOfApiVersion(object.apiVersion)) return false;
  return kinds === undefined || kinds.includes(object.kind);
}
