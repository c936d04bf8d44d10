/** Rules on the cluster's BGP peers taken together: shared addresses, addresses inside pod pools. */
import { cidrContainsIp, formatCidr, formatIp } from '../../../core/net';
import { compareStrings } from '../../../util/compare';
import type { Hit } from '../../../core/findings';
import type { ClusterInput } from './input';
import { defineRule } from '../../rule';
import { familyName, peersOf, poolsOf, valueAt, type PeerView } from './view';

/** The chart names a router's peers `<router>-ipv4` / `<router>-ipv6`: speak of routers when it did. */
function routerOf(cluster: ClusterInput, peer: PeerView): string | undefined {
  const match = /^(.*)-ipv[46]$/.exec(peer.name);
  if (!match || cluster.values === undefined) return undefined;
  const routers = valueAt(cluster.values, 'BGPPeers');
  return typeof routers === 'object' && routers !== null && Object.prototype.hasOwnProperty.call(routers, match[1]!) ? match[1] : undefined;
}

/** Per-node peers (spec.node) to one router are how a router peers with several nodes. */
function samePeering(a: PeerView, b: PeerView): boolean {
  return !(a.node !== undefined && b.node !== undefined && a.node !== b.node);
}

function endpoint(peer: PeerView): string {
  return `${formatIp(peer.address)}${peer.port !== undefined ? ` port ${peer.port}` : ''}`;
}

export const peerIpDuplicate = defineRule({
  scope: 'cluster',
  id: 'peer-ip-duplicate',
  severity: 'error',
  description: "No two routers (BGP peers) in a cluster's peer set share an address",
  check(cluster) {
    const byEndpoint = new Map<string, PeerView[]>();
    for (const peer of [...peersOf(cluster)].sort((a, b) => compareStrings(a.name, b.name))) {
      const key = `${peer.address.family}|${formatIp(peer.address)}|${peer.port ?? 179}`;
      const same = byEndpoint.get(key);
      if (same) same.push(peer);
      else byEndpoint.set(key, [peer]);
    }
    const hits: Hit[] = [];
    for (const group of byEndpoint.values()) {
      group.forEach((peer, index) => {
        const earlier = group.slice(0, index).filter((other) => samePeering(other, peer));
        if (earlier.length === 0) return;
        hits.push({ object: peer.ref, path: '/spec/peerIP', message: duplicateMessage(cluster, peer, earlier) });
      });
    }
    return hits;
  },
});

function duplicateMessage(cluster: ClusterInput, peer: PeerView, earlier: PeerView[]): string {
  const router = routerOf(cluster, peer);
  const others = earlier.map((other) => routerOf(cluster, other));
  const family = familyName(peer.address.family);
  if (router && others.every(Boolean)) {
    return (
      `routers ${[...others, router].join(' and ')} have the same ${family} address ${endpoint(peer)}: ` +
      'two routers cannot share an address, so the nodes one of them selects peer with the wrong router; correct the address of one of them'
    );
  }
  return (
    `BGPPeer ${peer.name} peers with ${endpoint(peer)} like BGPPeer ${earlier.map((p) => p.name).join(', ')}: ` +
    'two peerings with one address for the same nodes conflict (Calico keeps one session); merge them into one BGPPeer or correct the address'
  );
}

export const peerIpInPodPool = defineRule({
  scope: 'cluster',
  id: 'peer-ip-in-pod-pool',
  severity: 'error',
  description: "A BGP peer's address is not inside one of the cluster's pod IP pools",
  check(cluster) {
    const pools = poolsOf(cluster);
    const hits: Hit[] = [];
    for (const peer of peersOf(cluster)) {
      for (const pool of pools.filter((p) => cidrContainsIp(p.cidr, peer.address))) {
        hits.push({
          object: peer.ref,
          path: '/spec/peerIP',
          message:
            `peer address ${formatIp(peer.address)} is inside pod pool ${pool.name} (${formatCidr(pool.cidr)}): Calico may give that address to a pod, ` +
            "and the nodes route it to the pool's blocks instead of to the router; use the router's own address, or move the pool off the router's network",
        });
      }
    }
    return hits;
  },
});
