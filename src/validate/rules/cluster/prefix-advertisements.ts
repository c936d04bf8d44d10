import { cidrsOverlap, parseCidr, parseCidrOrIp, type Cidr } from '../../../core/net';
import type { Hit } from '../../../core/findings';
import { defineRule } from '../../rule';
import { calicoObjects, defaultObject, poolsOf, refOf, specOf, valueAt } from './view';

const SERVICE_LISTS = ['serviceClusterIPs', 'serviceExternalIPs', 'serviceLoadBalancerIPs'];

/** Service ranges are announced too, and prefixAdvertisements may tag them with communities. */
function serviceRanges(spec: Record<string, unknown>): Cidr[] {
  const ranges: Cidr[] = [];
  for (const list of SERVICE_LISTS) {
    const entries = spec[list];
    if (!Array.isArray(entries)) continue;
    for (const entry of entries) {
      const cidr = valueAt(entry, 'cidr');
      const parsed = typeof cidr === 'string' ? parseCidrOrIp(cidr) : undefined;
      if (parsed?.ok) ranges.push(parsed.value);
    }
  }
  return ranges;
}

export const prefixAdvertisementOutsidePools = defineRule({
  scope: 'cluster',
  id: 'prefix-advertisement-outside-pools',
  severity: 'warning',
  description: "Every BGP prefix advertisement's CIDR overlaps one of the cluster's IP pools or service ranges",
  check(cluster) {
    // when a pool does not even parse its own rule reports it, and this one would only guess
    if (calicoObjects(cluster, 'IPPool').length !== poolsOf(cluster).length) return [];
    const bgpDefault = defaultObject(cluster, 'BGPConfiguration');
    const known = [...poolsOf(cluster).map((p) => p.cidr), ...serviceRanges(bgpDefault ? specOf(bgpDefault) : {})];
    const hits: Hit[] = [];
    for (const configuration of calicoObjects(cluster, 'BGPConfiguration')) {
      const advertisements = specOf(configuration).prefixAdvertisements;
      if (!Array.isArray(advertisements)) continue;
      advertisements.forEach((advertisement, index) => {
        const cidr = valueAt(advertisement, 'cidr');
        const parsed = typeof cidr === 'string' ? parseCidr(cidr) : undefined;
        if (!parsed?.ok || known.some((range) => cidrsOverlap(range, parsed.value))) return;
        hits.push({
          object: refOf(configuration),
          path: `/spec/prefixAdvertisements/${index}/cidr`,
          message:
            `prefix advertisement ${cidr} is outside every IP pool and service range of the cluster: Calico never announces that prefix, ` +
            "so its communities are attached to nothing (a mistyped pool CIDR leaves the real pool's routes without them); use a pool's CIDR",
        });
      });
    }
    return hits;
  },
});
