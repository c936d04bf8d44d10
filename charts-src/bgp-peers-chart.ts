/**
 * The BGPPeers the chart creates: two per router of the values (IPv4 and IPv6), peering with the
 * router's AS from the nodes its selector picks. A part with an input of its own, because a
 * fleet's clusters share their routers: every cluster with the same router table, AS numbers and
 * release gets the same peers. The cdk8s app writes them as a chart of their own.
 */
import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { BgpPeer } from './imports/crd.projectcalico.org';
import type { ChartInput } from './context';
import { chartLabels } from './context';
import { chartPart } from './part';
import type { BgpPeerValues } from '../src/model/chart-values';

/** Everything the peers depend on, and nothing else: equal inputs render equal peers. */
export interface BgpPeersInput {
  peers: Record<string, BgpPeerValues>;
  peerAs: number;
  asLoop: number;
  labels: Record<string, string>;
}

export function bgpPeersInput(input: ChartInput): BgpPeersInput {
  // `BGPPeers: ~` removes the chart's default: Helm ranges over nothing
  return { peers: input.values.BGPPeers ?? {}, peerAs: input.values.PeerAS, asLoop: input.values.ASLoop, labels: chartLabels(input) };
}

export const bgpPeersPart = chartPart<BgpPeersInput>({
  id: 'bgppeers',
  input: bgpPeersInput,
  add(scope, _id, input) {
    for (const [router, peer] of Object.entries(input.peers)) {
      for (const family of ['ipv4', 'ipv6'] as const) {
        new BgpPeer(scope, `bgppeer-${router}-${family}`, {
          metadata: { name: `${router}-${family}`, labels: input.labels },
          spec: { nodeSelector: peer.nodeSelector, asNumber: input.peerAs, peerIp: peer[family], numAllowedLocalAsNumbers: input.asLoop },
        });
      }
    }
  },
});

export class BgpPeersChart extends Chart {
  constructor(scope: Construct, id: string, input: BgpPeersInput) {
    super(scope, id, { disableResourceNameHashes: true });
    bgpPeersPart.add(this, bgpPeersPart.id, input);
  }
}
