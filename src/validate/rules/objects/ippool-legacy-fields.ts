import type { Hit } from '../../../core/findings';
import { isSet, own } from '../../../util/json';
import { defineRule, hit } from '../../rule';
import { IPPOOL } from '../../../core/calico';

export const ippoolLegacyFields = defineRule({
  scope: 'object',
  id: 'ippool-legacy-fields',
  severity: 'error',
  alsoAs: ['info'],
  description: 'IPPool does not use the APIv1 leftovers ipip and nat-outgoing',
  kinds: [IPPOOL],
  check({ spec }) {
    const hits: Hit[] = [];
    if (isSet(own(spec, 'ipip'))) {
      hits.push(
        hit(
          '/spec/ipip',
          'spec.ipip is an APIv1 field that Calico refuses (it must be unset): use ipipMode: Always, CrossSubnet or Never instead.',
        ),
      );
    }
    const natOutgoing = own(spec, 'nat-outgoing');
    if (natOutgoing === true) {
      hits.push(
        hit('/spec/nat-outgoing', 'spec.nat-outgoing is an APIv1 field that Calico refuses when true: use natOutgoing: true instead.'),
      );
    } else if (isSet(natOutgoing)) {
      hits.push(
        hit('/spec/nat-outgoing', 'spec.nat-outgoing is an APIv1 leftover with no effect; remove it (the setting is natOutgoing).', 'info'),
      );
    }
    return hits;
  },
});
