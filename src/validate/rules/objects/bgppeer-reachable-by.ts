import { ipVersion, parseIp } from '../../../core/net';
import { nonEmptyStringAt } from '../../../util/json';
import { defineRule, hit } from '../../rule';
import { BGPPEER } from '../../../core/calico';
import { quoteText } from './support/describe';
import { parsePeerIp } from './support/peer-ip';

const PATH = '/spec/reachableBy';

export const bgppeerReachableBy = defineRule({
  scope: 'object',
  id: 'bgppeer-reachable-by',
  severity: 'error',
  description: 'BGPPeer reachableBy is an IP of the same family as peerIP, and needs peerIP',
  kinds: [BGPPEER],
  check({ spec }) {
    const text = nonEmptyStringAt(spec, 'reachableBy');
    if (text === undefined) return [];
    const peerIp = nonEmptyStringAt(spec, 'peerIP');
    if (peerIp === undefined) {
      return [hit(PATH, 'reachableBy must be empty when peerIP is empty: it names the gateway towards peerIP.')];
    }
    const gateway = parseIp(text);
    if (!gateway.ok) {
      return [hit(PATH, `ReachableBy is invalid address: ${quoteText(text)} — ${gateway.reason}. Give the gateway's IP address.`)];
    }
    const peer = parsePeerIp(peerIp);
    // An invalid peerIP is reported by bgppeer-peer-ip.
    if (!peer.ok || ipVersion(peer.ip) === ipVersion(gateway.value)) return [];
    return [
      hit(
        PATH,
        `ReachableBy and PeerIP address family mismatched: reachableBy ${quoteText(text)} is IPv${ipVersion(gateway.value)} ` +
          `but peerIP ${quoteText(peerIp)} is IPv${ipVersion(peer.ip)}. Use a gateway of the peer's family.`,
      ),
    ];
  },
});
