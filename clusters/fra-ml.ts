import { defineCluster } from 'calico-gen';
import { fleetDefaults } from './shared/fleet';
import { mlGroup } from './shared/groups/ml';

export default defineCluster(fleetDefaults, mlGroup, {
  name: 'fra-ml',
  site: 'fra',
  kubeContext: 'fra-ml',
  ipPools: {
    ipv4: { cidr: '10.73.0.0/21', blockSize: 27 },
    ipv6: { cidr: '2001:db8:f00:e000::/64' },
  },
  bgp: { asNumber: 64622 },
  capacity: { expectedNodes: 24 },
});
