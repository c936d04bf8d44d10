import { BGPCONFIGURATION } from '../../../core/calico';
import { integerRangeRule } from './support/range-rule';

export const bgpconfigListenPort = integerRangeRule({
  id: 'bgpconfig-listen-port',
  kinds: [BGPCONFIGURATION],
  field: 'listenPort',
  min: 1n,
  max: 65535n,
  description: 'BGPConfiguration listenPort is 1–65535',
  advice: 'Omit it for the BGP default 179 (kube-apiserver refuses an explicit 0).',
});
