/**
 * The routers the fleet's nodes peer with: two core routers per site, and a top-of-rack switch
 * per rack row. Each router only peers with the nodes its selector picks (by site and rack).
 */
import { defineRouter, type Router } from 'calico-gen';

const inSite = (site: string, racks: string[]) =>
  `(topology.kubernetes.io/region == '${site}' && topology.kubernetes.io/zone in {${racks.map((r) => `'${r}'`).join(', ')}})`;
const inRack = (site: string, rack: string) => `(topology.kubernetes.io/region == '${site}' && topology.kubernetes.io/zone == '${rack}')`;

const amsRacks = ['row-a1', 'row-a2', 'row-b1'];
const fraRacks = ['row-c1', 'row-c2', 'row-d1'];

export const routers = {
  cr1Ams: defineRouter({ name: 'cr1-ams', ipv4: '192.0.2.1', ipv6: '2001:db8:a00:ffff::1', nodeSelector: inSite('ams', amsRacks) }),
  cr2Ams: defineRouter({ name: 'cr2-ams', ipv4: '192.0.2.2', ipv6: '2001:db8:a00:ffff::2', nodeSelector: inSite('ams', amsRacks) }),
  cr1Fra: defineRouter({ name: 'cr1-fra', ipv4: '198.51.100.1', ipv6: '2001:db8:f00:ffff::1', nodeSelector: inSite('fra', fraRacks) }),
  cr2Fra: defineRouter({ name: 'cr2-fra', ipv4: '198.51.100.2', ipv6: '2001:db8:f00:ffff::2', nodeSelector: inSite('fra', fraRacks) }),
  lsw1A1Ams: defineRouter({ name: 'lsw1-a1-ams', ipv4: '10.10.1.1', ipv6: '2001:db8:a00:101::1', nodeSelector: inRack('ams', 'row-a1') }),
  lsw1A2Ams: defineRouter({ name: 'lsw1-a2-ams', ipv4: '10.10.2.1', ipv6: '2001:db8:a00:102::1', nodeSelector: inRack('ams', 'row-a2') }),
  lsw1B1Ams: defineRouter({ name: 'lsw1-b1-ams', ipv4: '10.10.3.1', ipv6: '2001:db8:a00:103::1', nodeSelector: inRack('ams', 'row-b1') }),
  lsw1C1Fra: defineRouter({ name: 'lsw1-c1-fra', ipv4: '10.20.1.1', ipv6: '2001:db8:f00:101::1', nodeSelector: inRack('fra', 'row-c1') }),
  lsw1C2Fra: defineRouter({ name: 'lsw1-c2-fra', ipv4: '10.20.2.1', ipv6: '2001:db8:f00:102::1', nodeSelector: inRack('fra', 'row-c2') }),
  lsw1D1Fra: defineRouter({ name: 'lsw1-d1-fra', ipv4: '10.20.3.1', ipv6: '2001:db8:f00:103::1', nodeSelector: inRack('fra', 'row-d1') }),
} satisfies Record<string, Router>;

/** Every cluster gets every router, as the fleet's common BGP file does: selectors pick the nodes. */
export const allRouters: readonly Router[] = Object.values(routers);
