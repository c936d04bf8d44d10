import { defineCluster } from 'calico-gen';
import { fleetDefaults } from './shared/fleet';
import { mlGroup } from './shared/groups/ml';

export default defineCluster(fleetDefaults, mlGroup, {
  name: 'ams-ml',
  site: 'ams',
  kubeContext: 'ams-ml',
  ipPools: {
    ipv4: { cidr: '10.65.0.0/20', blockSize: 27 },
    ipv6: { cidr: '2001:db8:a00:e000::/64' },
  },
  bgp: { asNumber: 64621 },
  capacity: { expectedNodes: 40 },
});
