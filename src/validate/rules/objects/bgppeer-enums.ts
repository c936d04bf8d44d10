import { BGPPEER } from '../../../core/calico';
import { enumFieldRule } from './support/enum-rule';

export const bgppeerNextHopMode = enumFieldRule({
  id: 'bgppeer-next-hop-mode',
  kind: BGPPEER,
  field: 'nextHopMode',
  allowed: ['Auto', 'Self', 'Keep'],
  emptyAllowed: false,
  description: 'BGPPeer nextHopMode is Auto, Self or Keep',
  note: 'Omit it for BGP’s default behaviour.',
});

export const bgppeerReversePeering = enumFieldRule({
  id: 'bgppeer-reverse-peering',
  kind: BGPPEER,
  field: 'reversePeering',
  allowed: ['Auto', 'Manual'],
  emptyAllowed: false,
  description: 'BGPPeer reversePeering is Auto or Manual',
  note: 'Omit it for Auto.',
});

export const bgppeerSourceAddress = enumFieldRule({
  id: 'bgppeer-source-address',
  kind: BGPPEER,
  field: 'sourceAddress',
  allowed: ['UseNodeIP', 'None'],
  emptyAllowed: true,
  description: 'BGPPeer sourceAddress is UseNodeIP or None',
});
