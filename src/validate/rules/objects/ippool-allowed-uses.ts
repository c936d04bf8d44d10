import { type Hit, pointer } from '../../../core/findings';
import { arrayAt, booleanAt, stringAt } from '../../../util/json';
import { defineRule, hit } from '../../rule';
import { IPPOOL } from '../../../core/calico';
import { quoteText } from './support/describe';
import { encapsulationEnabled } from './support/pool';
import { closest } from '../../../util/suggest';

const USES = ['Workload', 'Tunnel', 'LoadBalancer'];

export const ippoolAllowedUses = defineRule({
  scope: 'object',
  id: 'ippool-allowed-uses',
  severity: 'error',
  description: 'IPPool allowedUses entries are Workload, Tunnel or LoadBalancer (case-sensitive)',
  kinds: [IPPOOL],
  check({ spec }) {
    const hits: Hit[] = [];
    (arrayAt(spec, 'allowedUses') ?? []).forEach((use, i) => {
      if (typeof use !== 'string' || USES.includes(use)) return;
      const guess = closest(use, USES);
      hits.push(
        hit(
          pointer('spec', 'allowedUses', i),
          `unknown use: ${quoteText(use)}. Allowed uses are Workload, Tunnel and LoadBalancer (case-sensitive)` +
            (guess ? `; did you mean ${guess}?` : '.'),
        ),
      );
    });
    return hits;
  },
});

export const ippoolLoadBalancer = defineRule({
  scope: 'object',
  id: 'ippool-load-balancer',
  severity: 'error',
  description: 'A LoadBalancer IPPool is used for nothing else, has no encapsulation, exports to BGP and selects all() nodes',
  kinds: [IPPOOL],
  check({ spec }) {
    const uses = arrayAt(spec, 'allowedUses') ?? [];
    if (!uses.includes('LoadBalancer')) return [];
    const hits: Hit[] = [];
    uses.forEach((use, i) => {
      if (use === 'Workload' || use === 'Tunnel') {
        hits.push(
          hit(
            pointer('spec', 'allowedUses', i),
            `LoadBalancer cannot be used at the same time as: ${use}. Put LoadBalancer addresses in a pool of their own.`,
          ),
        );
      }
    });
    for (const field of ['ipipMode', 'vxlanMode'] as const) {
      const mode = encapsulationEnabled(spec, field);
      if (mode) {
        hits.push(
          hit(
            pointer('spec', field),
            `Neither IPIPMode nor VXLANMode can be enabled on AllowedUses LoadBalancer IP pool: ${field} is ${quoteText(mode)}. Set it to Never.`,
          ),
        );
      }
    }
    if (booleanAt(spec, 'disableBGPExport') === true) {
      hits.push(
        hit(
          '/spec/disableBGPExport',
          'An IP pool with AllowedUse LoadBalancer must export its routes: remove disableBGPExport: true ' +
            '(Calico 3.30 words this as "must have DisableBGPExport set to true", but refuses true).',
        ),
      );
    }
    const selector = stringAt(spec, 'nodeSelector');
    if (selector !== undefined && selector !== '' && selector !== 'all()') {
      hits.push(
        hit(
          '/spec/nodeSelector',
          `IP Pool with AllowedUse LoadBalancer must have node selector set to all(): got ${quoteText(selector)}. ` +
            'Write exactly all() or omit nodeSelector.',
        ),
      );
    }
    return hits;
  },
});
