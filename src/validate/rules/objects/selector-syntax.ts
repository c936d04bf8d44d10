import { type Hit, pointer } from '../../../core/findings';
import { parseSelector } from '../../../core/selector';
import { entryOf, stringAt } from '../../../util/json';
import { defineRule, hit } from '../../rule';
import { BGPPEER, IPPOOL } from '../../../core/calico';
import { quoteText } from './support/describe';

const SELECTOR_FIELDS: Readonly<Record<string, readonly string[]>> = {
  [IPPOOL]: ['nodeSelector'],
  [BGPPEER]: ['nodeSelector', 'peerSelector', 'localWorkloadSelector'],
};

/** Kubernetes-style `and`/`or` tokenize as labels, so the parser's own message misses the point. */
function selectorAdvice(selector: string): string {
  const outsideQuotes = selector.replace(/"[^"]*"|'[^']*'/g, '""');
  if (/(^|[\s)])(and|or|AND|OR|not|NOT)(?=[\s(!])/.test(outsideQuotes) && !/\bnot\s*in\b/.test(outsideQuotes)) {
    return ' Use && and || (and ! for not): words like "and" are not operators.';
  }
  return '';
}

export const selectorSyntax = defineRule({
  scope: 'object',
  id: 'calico-selector-syntax',
  severity: 'error',
  description: 'IPPool nodeSelector and BGPPeer nodeSelector/peerSelector/localWorkloadSelector parse as Calico selectors',
  kinds: [IPPOOL, BGPPEER],
  check({ kind, spec }) {
    const hits: Hit[] = [];
    for (const field of entryOf(SELECTOR_FIELDS, kind) ?? []) {
      const selector = stringAt(spec, field);
      if (selector === undefined) continue;
      const parsed = parseSelector(selector);
      if (parsed.ok) continue;
      hits.push(
        hit(
          pointer('spec', field),
          `${field} ${quoteText(selector)} is not a valid Calico selector at column ${parsed.error.column}: ` +
            `${parsed.error.message}.${selectorAdvice(selector)}`,
        ),
      );
    }
    return hits;
  },
});
