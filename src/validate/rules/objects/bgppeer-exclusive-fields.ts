import { integerAt, nonEmptyStringAt } from '../../../util/json';
import { defineRule, hit } from '../../rule';
import { BGPPEER } from '../../../core/calico';
import { quoteText } from './support/describe';

export const bgppeerNodeAndNodeSelector = defineRule({
  scope: 'object',
  id: 'bgppeer-node-and-node-selector',
  severity: 'error',
  description: 'BGPPeer sets node or nodeSelector, not both',
  kinds: [BGPPEER],
  check({ spec }) {
    const node = nonEmptyStringAt(spec, 'node');
    const selector = nonEmptyStringAt(spec, 'nodeSelector');
    if (node === undefined || selector === undefined) return [];
    return [
      hit(
        '/spec/node',
        `Node field must be empty when NodeSelector is specified: node is ${quoteText(node)} and nodeSelector is ` +
          `${quoteText(selector)}. Keep one (for a single node: nodeSelector: kubernetes.io/hostname == '${node}').`,
      ),
    ];
  },
});

export const bgppeerPeerIpAndPeerSelector = defineRule({
  scope: 'object',
  id: 'bgppeer-peer-ip-and-peer-selector',
  severity: 'error',
  description: 'BGPPeer sets peerIP or peerSelector, not both',
  kinds: [BGPPEER],
  check({ spec }) {
    const peerIp = nonEmptyStringAt(spec, 'peerIP');
    const selector = nonEmptyStringAt(spec, 'peerSelector');
    if (peerIp === undefined || selector === undefined) return [];
    return [
      hit(
        '/spec/peerIP',
        `PeerIP field must be empty when PeerSelector is specified: peerIP is ${quoteText(peerIp)} and peerSelector is ` +
          `${quoteText(selector)}. Use peerIP for an external router, peerSelector for peering with Calico nodes.`,
      ),
    ];
  },
});

export const bgppeerAsNumberWithPeerSelector = defineRule({
  scope: 'object',
  id: 'bgppeer-as-number-with-peer-selector',
  severity: 'error',
  description: 'BGPPeer with peerSelector leaves asNumber empty (the remote AS comes from each selected node)',
  kinds: [BGPPEER],
  check({ spec }) {
    const as = integerAt(spec, 'asNumber');
    if (as === undefined || as === 0n || nonEmptyStringAt(spec, 'peerSelector') === undefined) return [];
    return [
      hit(
        '/spec/asNumber',
        `ASNumber field must be empty when PeerSelector is specified: asNumber is ${as}. The remote AS comes from ` +
          "each selected node's spec.bgp.asNumber (or the BGPConfiguration default); remove asNumber.",
      ),
    ];
  },
});
