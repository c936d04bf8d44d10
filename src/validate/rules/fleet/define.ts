import type { Severity } from '../../../core/findings';
import { ruleBugMessage, type FleetHit, type FleetRule } from '../../rule';
import type { FleetFacts } from './facts';

interface FleetRuleDefinition {
  id: string;
  severity: Severity;
  description: string;
  check(fleet: readonly FleetFacts[]): FleetHit[];
}

/** A FleetRule whose check never throws. */
export function defineFleetRule(definition: FleetRuleDefinition): FleetRule {
  const { check, ...meta } = definition;
  return {
    ...meta,
    scope: 'fleet',
    check(fleet) {
      try {
        return check(fleet);
      } catch (error) {
        return [{ cluster: '', object: 'fleet', path: '', message: ruleBugMessage(meta.id, error) }];
      }
    },
  };
}

/** A hit about one fact of one cluster, carrying the fact's location. */
export function factHit(cluster: string, fact: { object: string; path: string; source?: FleetHit['source'] }, message: string, severity?: Severity): FleetHit {
  return {
    cluster,
    object: fact.object,
    path: fact.path,
    message,
    ...(severity ? { severity } : {}),
    ...(fact.source ? { source: fact.source } : {}),
  };
}
