import type { Hit } from '../../../core/findings';
import { booleanAt, isSet, own } from '../../../util/json';
import { defineRule, hit } from '../../rule';
import { BGPPEER } from '../../../core/calico';

export const bgppeerKeepOriginalNextHop = defineRule({
  scope: 'object',
  id: 'bgppeer-keep-original-next-hop',
  severity: 'error',
  alsoAs: ['info'],
  description: 'BGPPeer does not combine the deprecated keepOriginalNextHop: true with nextHopMode',
  kinds: [BGPPEER],
  check({ spec }) {
    if (booleanAt(spec, 'keepOriginalNextHop') !== true) return [];
    const hits: Hit[] = [];
    if (isSet(own(spec, 'nextHopMode'))) {
      hits.push(
        hit(
          '/spec/keepOriginalNextHop',
          'The KeepOriginalNextHop field is deprecated. It must not be set to true when NextHopMode is configured. ' +
            'Remove keepOriginalNextHop and use nextHopMode: Keep.',
        ),
      );
    } else {
      hits.push(
        hit('/spec/keepOriginalNextHop', 'keepOriginalNextHop is deprecated: write nextHopMode: Keep instead.', 'info'),
      );
    }
    return hits;
  },
});
