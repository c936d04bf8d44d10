import { BGPCONFIGURATION, BGPPEER } from './support/define';
import { integerRangeRule } from './support/range-rule';

export const asNumber = integerRangeRule({
  id: 'calico-as-number',
  kinds: [BGPPEER, BGPCONFIGURATION],
  field: 'asNumber',
  min: 0n,
  max: 4294967295n,
  description: 'asNumber is a 32-bit AS number (0–4294967295)',
  advice: 'AS numbers are unsigned 32-bit integers (private ranges: 64512–65534 and 4200000000–4294967294); Calico cannot decode anything else.',
});
