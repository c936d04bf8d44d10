import { BGPPEER } from '../../../core/calico';
import { integerRangeRule } from './support/range-rule';

export const bgppeerTtlSecurity = integerRangeRule({
  id: 'bgppeer-ttl-security',
  kinds: [BGPPEER],
  field: 'ttlSecurity',
  min: 0n,
  max: 255n,
  description: 'BGPPeer ttlSecurity fits in 0–255 (hop count, 0 = off)',
  advice: 'ttlSecurity is the number of hops to the peer (uint8; 0 turns GTSM off).',
});

export const bgppeerNumAllowedLocalAsNumbers = integerRangeRule({
  id: 'bgppeer-num-allowed-local-as-numbers',
  kinds: [BGPPEER],
  field: 'numAllowedLocalASNumbers',
  min: -2147483648n,
  max: 2147483647n,
  description: 'BGPPeer numAllowedLocalASNumbers fits in a 32-bit signed integer',
  advice: 'It is an int32; Calico cannot decode larger numbers. Typical values are 1–10.',
});
