import { type FleetHit, defineRule } from '../../rule';
import { factHit } from './fact-hit';
import type { AsNumberFact, FleetFacts } from './facts';
import { PRIVATE_AS_RANGE_TEXTS, isPrivateAsNumber } from '../../../core/calico';

function asText(fact: AsNumberFact): string {
  return fact.defaulted ? `${fact.value} (Calico's default: BGPConfiguration sets no asNumber)` : String(fact.value);
}

export const asNumberDuplicate = defineRule({
  scope: 'fleet',
  id: 'as-number-duplicate',
  severity: 'error',
  description: 'No two clusters share an AS number',
  check(fleet) {
    const byAs = new Map<number, FleetFacts[]>();
    for (const facts of fleet) {
      if (!facts.asNumber) continue;
      const same = byAs.get(facts.asNumber.value);
      if (same) same.push(facts);
      else byAs.set(facts.asNumber.value, [facts]);
    }
    const hits: FleetHit[] = [];
    for (const clusters of byAs.values()) {
      if (clusters.length < 2) continue;
      for (const facts of clusters) {
        const others = clusters.filter((c) => c !== facts).map((c) => c.cluster);
        hits.push(
          factHit(
            facts.cluster,
            facts.asNumber!,
            `AS ${asText(facts.asNumber!)} is also the AS of cluster ${others.join(', ')}: the routers cannot tell the clusters' routes apart ` +
              "and BGP loop prevention drops one cluster's routes at the other; give each cluster its own private AS number",
          ),
        );
      }
    }
    return hits;
  },
});

/** RFC 6996 private ranges; the reserved ones (RFC 7607, 6793, 5398, 7300) are named apart. */
export function asNumberKind(as: number): 'private' | 'public' | string {
  if (isPrivateAsNumber(as)) return 'private';
  if (as === 0) return 'reserved (RFC 7607)';
  if (as === 23456) return 'reserved as AS_TRANS (RFC 6793)';
  if ((as >= 64496 && as <= 64511) || (as >= 65536 && as <= 65551)) return 'reserved for documentation (RFC 5398)';
  if (as === 65535 || as === 4294967295) return 'reserved (RFC 7300)';
  if (as >= 65552 && as <= 131071) return 'reserved (IANA)';
  return 'public';
}

export const asNumberPublic = defineRule({
  scope: 'fleet',
  id: 'as-number-public',
  severity: 'warning',
  description: `A cluster AS number is private (${PRIVATE_AS_RANGE_TEXTS.join(' or ')})`,
  check(fleet) {
    const hits: FleetHit[] = [];
    for (const facts of fleet) {
      const fact = facts.asNumber;
      if (!fact) continue;
      const kind = asNumberKind(fact.value);
      if (kind === 'private') continue;
      const why = kind === 'public' ? 'a public AS number, registered to some organisation: routes leaked from the cluster look as if that organisation originated them' : `${kind}, not for use on a network`;
      hits.push(factHit(facts.cluster, fact, `cluster AS ${fact.value} is ${why}; use a private AS (${PRIVATE_AS_RANGE_TEXTS.join(', or ')})`));
    }
    return hits;
  },
});
