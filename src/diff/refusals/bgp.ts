/**
 * BGP and IPAM settings whose change Calico accepts but that disturb a running cluster: every
 * session restarting, routers that must change with the cluster, nodes that start borrowing.
 */
import { CALICO_DEFAULT_AS_NUMBER, CALICO_GROUP } from '../../core/calico';
import type { KubeObject } from '../../core/kube';
import type { ComparedPair } from '../compare';
import { name, spec, type Refusal, type RefusalContext } from './refusal';

/** The AS a BGPConfiguration makes the cluster speak: as written, else Calico's default. */
function clusterAs(object: KubeObject | undefined): string {
  return String(spec(object).asNumber ?? CALICO_DEFAULT_AS_NUMBER);
}

export const asNumberChanged: Refusal = {
  id: 'as-number-changed',
  severity: 'warning',
  basis: 'change',
  description: "The cluster's AS number changes: every BGP session of every node restarts, and the routers must expect the new AS",
  kinds: [`${CALICO_GROUP}/BGPConfiguration`],
  actions: ['update'],
  check(pair) {
    if (name(pair) !== 'default') return [];
    const [from, to] = [clusterAs(pair.live), clusterAs(pair.desired)];
    if (from === to) return [];
    return [{
      path: '/spec/asNumber',
      message: `the cluster's AS changes from ${from} to ${to}: every node restarts every BGP session, and a router comes back only once its neighbour configuration expects AS ${to}: change the routers in the same maintenance window (or keep AS ${from})`,
    }];
  },
};

const peerAs = (object: KubeObject | undefined) => String(spec(object).asNumber);

export const peerAsNumberChanged: Refusal = {
  id: 'peer-as-number-changed',
  severity: 'warning',
  basis: 'change',
  description: "A BGP peer's AS number changes: the sessions with that router restart, and come back only if the router now speaks that AS",
  kinds: [`${CALICO_GROUP}/BGPPeer`],
  actions: ['update'],
  check(pair, context) {
    const [from, to] = [peerAs(pair.live), peerAs(pair.desired)];
    if (from === to) return [];
    // one change of the fleet's peer AS moves every peer alike: said once, on the first of them
    const alike = context.pairs.filter((other) => other.action === 'update' && other.desired?.kind === 'BGPPeer' && peerAs(other.live) === from && peerAs(other.desired) === to);
    if (alike[0] !== pair) return [];
    const peers = alike.map((other) => `${name(other)}${spec(other.desired).peerIP ? ` (${String(spec(other.desired).peerIP)})` : ''}`);
    const which = peers.length === 1 ? `peer ${peers[0]}` : `${peers.length} peers (${peers.slice(0, 4).join(', ')}${peers.length > 4 ? ', ...' : ''})`;
    return [{
      path: '/spec/asNumber',
      message: `the AS of ${which} changes from ${from} to ${to}: the nodes they select restart those sessions, which come back only if the routers now speak AS ${to}: change the routers first, or keep AS ${from}`,
    }];
  },
};

/** The node-to-node mesh setting of the state after the change (Calico's default: on). */
function meshAfter(context: RefusalContext): boolean {
  const bgp = context.pairs.find((other: ComparedPair) => other.desired?.kind === 'BGPConfiguration' && other.desired.metadata.name === 'default');
  return spec(bgp?.desired).nodeToNodeMeshEnabled !== false;
}

export const strictAffinityDisabled: Refusal = {
  id: 'strict-affinity-disabled',
  severity: 'warning',
  basis: 'change',
  description: 'IPAMConfig strictAffinity turns from true to false: nodes start borrowing addresses from other nodes\' blocks, and turning it back on does not return them',
  kinds: [`${CALICO_GROUP}/IPAMConfig`],
  actions: ['update', 'delete'],
  check(pair, context) {
    if (name(pair) !== 'default' || spec(pair.live).strictAffinity !== true || spec(pair.desired).strictAffinity === true) return [];
    // without the mesh, strict-affinity-required already rejects the new state
    if (!meshAfter(context)) return [];
    return [{
      path: '/spec/strictAffinity',
      message:
        "strictAffinity turns from true to false: a node whose blocks are full then borrows addresses from other nodes' blocks, and a router that peers per node learns such an address only from the node owning the block, so pods can become unreachable from outside the cluster; " +
        'borrowed addresses stay borrowed if strictAffinity is turned on again. Keep strictAffinity: true unless the nodes peer in a full mesh only',
    }];
  },
};
