/**
 * Top-level values the chart never reads are normal (helmfile hands fleet-wide files to every
 * release), so only a key that looks like a mistyped chart key is worth a word, and only an info.
 */
import { CHART_KEYS } from '../../../model/chart-defaults';
import { editDistance } from '../../../util/suggest';
import { pointer } from '../../../core/findings';
import { defineRule } from '../../rule';

function lookalike(key: string): string | undefined {
  const lower = key.toLowerCase();
  return CHART_KEYS.find((known) => {
    const distance = editDistance(known.toLowerCase(), lower);
    return distance === 0 || distance <= (Math.min(known.length, key.length) <= 4 ? 1 : 2);
  });
}

export const valuesKeyUnread = defineRule({
  scope: 'cluster',
  id: 'values-key-unread',
  severity: 'info',
  description: 'A top-level values key the chart does not read but that looks like one it does (IPPool for IPPools)',
  check(cluster) {
    const values = cluster.values;
    if (values === undefined || typeof values !== 'object' || values === null) return [];
    return Object.keys(values)
      .filter((key) => !CHART_KEYS.includes(key))
      .flatMap((key) => {
        const meant = lookalike(key);
        if (!meant) return [];
        return [
          {
            object: 'values',
            path: pointer(key),
            message: `the chart does not read the top-level key ${JSON.stringify(key)}, and Helm ignores it: did you mean ${JSON.stringify(meant)}?`,
          },
        ];
      });
  },
});
