/**
 * The fleet half of validation: rules across every cluster's facts. Kept apart from the
 * per-cluster half so that a run served from the cache loads neither cdk8s nor the object rules.
 */
import { findingOf, type Finding } from '../core/findings';
import { fleetRules } from './rules/fleet';
import type { FleetFacts } from './rules/fleet/facts';

/** The fleet rules over every cluster's facts; findings for the `selected` clusters only. */
export function validateFleetFacts(fleet: readonly FleetFacts[], selected: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  for (const rule of fleetRules) {
    // a hit about no cluster (a rule's internal error) concerns every run
    for (const hit of rule.check(fleet)) if (hit.cluster === '' || selected.has(hit.cluster)) findings.push(findingOf(rule, hit, hit));
  }
  return findings;
}
