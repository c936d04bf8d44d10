import YAML from 'yaml';
import type { KubeObject } from '../../src/core/kube';
import type { ObjectRule } from '../../src/validate/rule';
import type { Hit } from '../../src/core/findings';
import { objectRules } from '../../src/validate/rules/objects';

/** One object from (flow or block) YAML. */
export function obj(yaml: string): KubeObject {
  const value: unknown = YAML.parse(yaml);
  if (typeof value !== 'object' || value === null) throw new Error(`test YAML is not a map: ${yaml}`);
  return value as KubeObject;
}

export function ruleById(id: string): ObjectRule {
  const rule = objectRules.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}

/** Hits of one rule on an object given as YAML. */
export function hits(id: string, yaml: string): Hit[] {
  return ruleById(id).check(obj(yaml));
}
