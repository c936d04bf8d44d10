/** Settings every cluster of the fleet shares. */
import { defineLayer } from 'calico-gen';
import { allRouters } from './routers';

export const fleetDefaults = defineLayer({
  calicoVersion: '3.30.7',
  image: { repository: 'registry.example.net' },
  ipam: {
    // nodes announce only their own blocks to the routers: borrowing would blackhole traffic
    strictAffinity: true,
  },
  bgp: {
    nodeToNodeMesh: false,
    peerAsNumber: 65000,
    asLoop: 1,
    community: '65000:14',
    peers: allRouters,
  },
  vethMtu: 'auto',
});
