import type { KubeObject } from '../../../../core/kube';
import type { Severity } from '../../../../core/findings';
import { ruleBugMessage, type ObjectRule, type RuleHit } from '../../../rule';
import { type JsonMap } from '../../../../util/json';
import { kindOf, nameOf, specOf } from '../../../../core/kube';

/** What a rule body sees: the object as given plus its spec (an empty map when missing or not a map). */
export interface RuleInput {
  object: KubeObject;
  spec: JsonMap;
  /** metadata.name when it is a string */
  name: string | undefined;
  /** kind when it is a string */
  kind: string | undefined;
}

interface RuleDefinition {
  id: string;
  severity: Severity;
  description: string;
  kinds: readonly string[];
  check(input: RuleInput): RuleHit[];
}

/**
 * Builds an ObjectRule whose check never throws: a failure inside a rule body becomes a hit that
 * names the bug, instead of aborting validation of the whole fleet.
 */
export function defineRule(definition: RuleDefinition): ObjectRule {
  const { check, ...meta } = definition;
  return {
    ...meta,
    scope: 'object',
    check(object: KubeObject): RuleHit[] {
      try {
        return check({ object, spec: specOf(object), name: nameOf(object), kind: kindOf(object) });
      } catch (e) {
        return [{ path: '', message: ruleBugMessage(meta.id, e) }];
      }
    },
  };
}

export function hit(path: string, message: string, severity?: Severity): RuleHit {
  return severity ? { path, message, severity } : { path, message };
}
