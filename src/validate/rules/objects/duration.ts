import { type Hit, pointer } from '../../../core/findings';
import { entryOf, stringAt } from '../../../util/json';
import { defineRule, hit } from '../../rule';
import { BGPCONFIGURATION, BGPPEER } from '../../../core/calico';
import { quoteText } from './support/describe';
import { durationProblem } from './support/duration';

const DURATION_FIELDS: Readonly<Record<string, readonly string[]>> = {
  [BGPPEER]: ['maxRestartTime'],
  [BGPCONFIGURATION]: ['nodeMeshMaxRestartTime'],
};

export const duration = defineRule({
  scope: 'object',
  id: 'calico-duration',
  severity: 'error',
  description: 'BGPPeer maxRestartTime and BGPConfiguration nodeMeshMaxRestartTime are Go durations with a unit',
  kinds: [BGPPEER, BGPCONFIGURATION],
  check({ kind, spec }) {
    const hits: Hit[] = [];
    for (const field of entryOf(DURATION_FIELDS, kind) ?? []) {
      const text = stringAt(spec, field);
      if (text === undefined) continue;
      const problem = durationProblem(text);
      if (!problem) continue;
      const bare = /^\d+$/.test(text) ? ` Did you mean "${text}s"?` : '';
      hits.push(
        hit(
          pointer('spec', field),
          `${field} ${quoteText(text)} is not a Go duration: ${problem}. Write a number with a unit, such as "120s" or "2m".${bare}`,
        ),
      );
    }
    return hits;
  },
});
