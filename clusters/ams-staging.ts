import { defineCluster } from 'calico-gen';
import { fleetDefaults } from './shared/fleet';
import { mainGroup } from './shared/groups/main';

/** The canary: new Calico releases land here first, a week before the rest of the fleet. */
export default defineCluster(fleetDefaults, mainGroup, {
  name: 'ams-staging',
  site: 'ams',
  kubeContext: 'ams-staging',
  calicoVersion: '3.31.3',
  ipPools: {
    ipv4: { cidr: '10.64.192.0/21' },
    ipv6: { cidr: '2001:db8:a00:5000::/64' },
  },
  bgp: { asNumber: 64611 },
  typha: { replicaCount: 1 },
  capacity: { expectedNodes: 12 },
});
