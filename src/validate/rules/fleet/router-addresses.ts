import { type FleetHit, defineRule } from '../../rule';
import { factHit } from './fact-hit';
import type { FleetFacts, RouterFact } from './facts';

interface Sighting {
  fact: RouterFact;
  /** the clusters whose router list holds this fact */
  owners: FleetFacts[];
}

export const routerAddressMismatch = defineRule({
  scope: 'fleet',
  id: 'router-address-mismatch',
  severity: 'warning',
  description: 'A router name has the same address in every cluster that peers with it',
  check(fleet) {
    const hits: FleetHit[] = [];
    for (const sightings of sightingsByRouter(fleet).values()) {
      if (new Set(sightings.map((s) => s.fact.address)).size < 2) continue;
      for (const { fact, owners } of sightings) {
        const elsewhere = sightings.filter((s) => s.fact.address !== fact.address).flatMap((s) => s.owners.map((o) => `${s.fact.address} in ${o.cluster}`));
        for (const owner of owners) {
          const located = fact.source || !owner.source ? fact : { ...fact, source: owner.source };
          hits.push(
            factHit(
              owner.cluster,
              located,
              `router ${fact.name} has the IPv${fact.family} address ${fact.address} here but ${[...new Set(elsewhere)].join(', ')}: one router has one address, ` +
                'so one of them is a typo (or two routers share a name); use one address everywhere, or rename one router',
            ),
          );
        }
      }
    }
    return hits;
  },
});

/**
 * Each router (name and family) with every fact about it. Clusters mostly share one router list
 * (the same array when it comes from the cache), so each distinct list is walked once.
 */
function sightingsByRouter(fleet: readonly FleetFacts[]): Map<string, Sighting[]> {
  const ownersByList = new Map<readonly RouterFact[], FleetFacts[]>();
  for (const facts of fleet) {
    const owners = ownersByList.get(facts.routers);
    if (owners) owners.push(facts);
    else ownersByList.set(facts.routers, [facts]);
  }
  const byRouter = new Map<string, Sighting[]>();
  for (const [list, owners] of ownersByList) {
    for (const fact of list) {
      const key = `${fact.name}|${fact.family}`;
      const sightings = byRouter.get(key);
      if (sightings) sightings.push({ fact, owners });
      else byRouter.set(key, [{ fact, owners }]);
    }
  }
  return byRouter;
}
