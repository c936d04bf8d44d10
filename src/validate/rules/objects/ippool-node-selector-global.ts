import { stringAt } from '../../../util/json';
import { defineRule, hit } from '../../rule';
import { IPPOOL } from '../../../core/calico';

export const ippoolNodeSelectorGlobal = defineRule({
  scope: 'object',
  id: 'ippool-node-selector-global',
  severity: 'info',
  description: 'IPPool nodeSelector does not contain global(), which Calico refuses from v3.31 on',
  kinds: [IPPOOL],
  check({ spec }) {
    const selector = stringAt(spec, 'nodeSelector');
    if (selector === undefined || !selector.includes('global(')) return [];
    return [
      hit(
        '/spec/nodeSelector',
        'nodeSelector contains "global(": accepted by Calico v3.30, but v3.31 and later refuse any IPPool nodeSelector ' +
          'containing that text (even inside a quoted value). Remove it before upgrading; for nodes global() matches everything anyway.',
      ),
    ];
  },
});
