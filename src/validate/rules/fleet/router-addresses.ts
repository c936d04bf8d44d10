import type { FleetHit } from '../../rule';
import { defineFleetRule, factHit } from './define';
import type { RouterFact } from './facts';

export const routerAddressMismatch = defineFleetRule({
  id: 'router-address-mismatch',
  severity: 'warning',
  description: 'A router name has the same address in every cluster that peers with it',
  check(fleet) {
    const byRouter = new Map<string, { cluster: string; fact: RouterFact }[]>();
    for (const facts of fleet) {
      for (const fact of facts.routers) {
        const key = `${fact.name}|${fact.family}`;
        byRouter.set(key, [...(byRouter.get(key) ?? []), { cluster: facts.cluster, fact }]);
      }
    }
    const hits: FleetHit[] = [];
    for (const entries of byRouter.values()) {
      const addresses = new Set(entries.map((e) => e.fact.address));
      if (addresses.size < 2) continue;
      for (const { cluster, fact } of entries) {
        const elsewhere = entries.filter((e) => e.fact.address !== fact.address).map((e) => `${e.fact.address} in ${e.cluster}`);
        if (elsewhere.length === 0) continue;
        hits.push(
          factHit(
            cluster,
            fact,
            `router ${fact.name} has the IPv${fact.family} address ${fact.address} here but ${[...new Set(elsewhere)].join(', ')}: one router has one address, ` +
              'so one of them is a typo (or two routers share a name); use one address everywhere, or rename one router',
          ),
        );
      }
    }
    return hits;
  },
});
