import { type Hit, pointer } from '../../../core/findings';
import { arrayAt } from '../../../util/json';
import { defineRule, hit } from '../../rule';
import { BGPCONFIGURATION } from '../../../core/calico';
import { quoteText } from './support/describe';

const INTERFACE_PATTERN = /^[a-zA-Z0-9_.*-]{1,15}$/;

export const bgpconfigIgnoredInterfaces = defineRule({
  scope: 'object',
  id: 'bgpconfig-ignored-interfaces',
  severity: 'error',
  description: 'BGPConfiguration ignoredInterfaces entries are 1–15 characters of letters, digits, `_.-` and the `*` wildcard, but not a lone `*`',
  kinds: [BGPCONFIGURATION],
  check({ spec }) {
    const hits: Hit[] = [];
    (arrayAt(spec, 'ignoredInterfaces') ?? []).forEach((name, i) => {
      if (typeof name !== 'string') return;
      const path = pointer('spec', 'ignoredInterfaces', i);
      if (name === '*') {
        hits.push(hit(path, 'ignoredInterfaces may not be a lone "*" (it would hide every interface); use a pattern such as "eth*".'));
      } else if (!INTERFACE_PATTERN.test(name)) {
        hits.push(
          hit(path, `ignored interface ${quoteText(name)} is invalid: use 1–15 characters of letters, digits, '_', '.', '-' and the wildcard '*'.`),
        );
      }
    });
    return hits;
  },
});
