import type { KubeObject } from '../../../../model/kube';
import type { Severity } from '../../../finding';
import { ruleBugMessage, type ObjectRule, type RuleHit } from '../../../rule';
import { kindOf, nameOf, specOf, type JsonMap } from './access';

export const IPPOOL = 'IPPool';
export const BGPPEER = 'BGPPeer';
export const BGPCONFIGURATION = 'BGPConfiguration';
export const IPAMCONFIG = 'IPAMConfig';
export const CALICO_KINDS = [IPPOOL, BGPPEER, BGPCONFIGURATION, IPAMCONFIG] as const;

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
