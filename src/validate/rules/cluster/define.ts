import type { Severity } from '../../../core/findings';
import { ruleBugMessage, type ClusterRule, type RuleHit } from '../../rule';
import type { ClusterInput } from './input';

interface ClusterRuleDefinition {
  id: string;
  severity: Severity;
  description: string;
  check(cluster: ClusterInput): RuleHit[];
}

/** A ClusterRule whose check never throws: a bug in one rule becomes a finding, not a crash. */
export function defineClusterRule(definition: ClusterRuleDefinition): ClusterRule {
  const { check, ...meta } = definition;
  return {
    ...meta,
    scope: 'cluster',
    check(cluster) {
      try {
        return check(cluster);
      } catch (error) {
        return [{ path: '', object: 'values', message: ruleBugMessage(meta.id, error) }];
      }
    },
  };
}
