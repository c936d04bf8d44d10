import type { Hit } from '../../../core/findings';
import { integerAt, nonEmptyStringAt } from '../../../util/json';
import { defineRule, hit } from '../../rule';
import { BGPPEER } from '../../../core/calico';

export const bgppeerLocalWorkloadSelector = defineRule({
  scope: 'object',
  id: 'bgppeer-local-workload-selector',
  severity: 'error',
  description: 'BGPPeer with localWorkloadSelector has a non-zero asNumber and no peerIP or peerSelector',
  kinds: [BGPPEER],
  check({ spec }) {
    if (nonEmptyStringAt(spec, 'localWorkloadSelector') === undefined) return [];
    const hits: Hit[] = [];
    const as = integerAt(spec, 'asNumber');
    if (as === undefined || as === 0n) {
      hits.push(
        hit(
          '/spec/asNumber',
          'ASNumber field must NOT be empty when LocalWorkloadSelector is specified: set asNumber to the AS of the local workloads.',
        ),
      );
    }
    for (const field of ['peerIP', 'peerSelector'] as const) {
      if (nonEmptyStringAt(spec, field) !== undefined) {
        const name = field === 'peerIP' ? 'PeerIP' : 'PeerSelector';
        hits.push(
          hit(
            `/spec/${field}`,
            `${name} field must be empty when LocalWorkloadSelector is specified: the peers are the selected local workloads. Remove ${field}.`,
          ),
        );
      }
    }
    return hits;
  },
});
