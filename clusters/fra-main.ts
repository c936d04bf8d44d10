import { defineCluster } from 'calico-gen';
import { fleetDefaults } from './shared/fleet';
import { mainGroup } from './shared/groups/main';

export default defineCluster(fleetDefaults, mainGroup, {
  name: 'fra-main',
  site: 'fra',
  kubeContext: 'fra-main',
  ipPools: {
    ipv4: { cidr: '10.72.0.0/17' },
    ipv6: { cidr: '2001:db8:f00:c000::/64' },
  },
  bgp: { asNumber: 64602, serviceClusterIPs: ['10.72.128.0/20', '2001:db8:f00:c001::/108'] },
  typha: { resources: { requests: { cpu: '700m', memory: '1.5Gi' }, limits: { cpu: '1', memory: null } } },
  kubeControllers: { resources: { requests: { cpu: '300m', memory: '2Gi' }, limits: { cpu: null, memory: null } } },
  capacity: { expectedNodes: 160 },
});
