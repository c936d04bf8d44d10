import { type Hit, pointer } from '../../../core/findings';
import { arrayAt, nonEmptyStringAt } from '../../../util/json';
import { defineRule, hit } from '../../rule';
import { BGPPEER } from '../../../core/calico';
import { quoteText } from './support/describe';
import { resourceNameProblem } from './support/names';

export const bgppeerReferenceNames = defineRule({
  scope: 'object',
  id: 'bgppeer-reference-names',
  severity: 'error',
  description: 'BGPPeer node and filters entries are valid resource names',
  kinds: [BGPPEER],
  check({ spec }) {
    const hits: Hit[] = [];
    const node = nonEmptyStringAt(spec, 'node');
    const nodeProblem = node === undefined ? undefined : resourceNameProblem(node);
    if (nodeProblem) hits.push(hit('/spec/node', `node ${quoteText(node!)} is not a valid node name: ${nodeProblem}.`));
    (arrayAt(spec, 'filters') ?? []).forEach((filter, i) => {
      if (typeof filter !== 'string') return;
      const problem = resourceNameProblem(filter);
      if (problem) hits.push(hit(pointer('spec', 'filters', i), `filter ${quoteText(filter)} is not a valid BGPFilter name: ${problem}.`));
    });
    return hits;
  },
});
