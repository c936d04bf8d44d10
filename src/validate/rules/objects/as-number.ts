import { BGPCONFIGURATION, BGPPEER, PRIVATE_AS_RANGE_TEXTS } from '../../../core/calico';
import { integerRangeRule } from './support/range-rule';

export const asNumber = integerRangeRule({
  id: 'calico-as-number',
  kinds: [BGPPEER, BGPCONFIGURATION],
  field: 'asNumber',
  min: 0n,
  max: 4294967295n,
  description: 'asNumber is a 32-bit AS number (0–4294967295)',
  advice: `AS numbers are unsigned 32-bit integers (private ranges: ${PRIVATE_AS_RANGE_TEXTS.join(' and ')}); Calico cannot decode anything else.`,
});
