import type { Severity } from '../../../core/findings';
import type { FleetHit } from '../../rule';

/** A hit about one fact of one cluster, carrying the fact's location. */
export function factHit(cluster: string, fact: { object: string; path: string; source?: FleetHit['source']; definedAt?: FleetHit['definedAt'] }, message: string, severity?: Severity): FleetHit {
  return {
    cluster,
    object: fact.object,
    path: fact.path,
    message,
    ...(severity ? { severity } : {}),
    ...(fact.source ? { source: fact.source } : {}),
    ...(fact.definedAt ? { definedAt: fact.definedAt } : {}),
  };
}
