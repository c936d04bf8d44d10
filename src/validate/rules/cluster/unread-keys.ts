/**
 * Top-level values the chart never reads are normal (helmfile hands fleet-wide files to every
 * release), so only a key that looks like a mistyped chart key is worth a word, and only an info.
 */
import * as path from 'node:path';
import { schemasDir } from '../../../schemas';
import { editDistance } from '../../../util/suggest';
import { defineClusterRule } from './define';

let chartKeys: string[] | undefined;
function knownKeys(): string[] {
  chartKeys ??= Object.keys((require(path.join(schemasDir, 'calico-values.schema.json')) as { properties: object }).properties);
  return chartKeys;
}

function lookalike(key: string): string | undefined {
  const lower = key.toLowerCase();
  return knownKeys().find((known) => {
    const distance = editDistance(known.toLowerCase(), lower);
    return distance === 0 || distance <= (Math.min(known.length, key.length) <= 4 ? 1 : 2);
  });
}

export const valuesKeyUnread = defineClusterRule({
  id: 'values-key-unread',
  severity: 'info',
  description: 'A top-level values key the chart does not read but that looks like one it does (IPPool for IPPools)',
  check(cluster) {
    const values = cluster.values;
    if (values === undefined || typeof values !== 'object' || values === null) return [];
    return Object.keys(values)
      .filter((key) => !knownKeys().includes(key))
      .flatMap((key) => {
        const meant = lookalike(key);
        if (!meant) return [];
        return [
          {
            object: 'values',
            path: `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
            message: `the chart does not read the top-level key ${JSON.stringify(key)}, and Helm ignores it: did you mean ${JSON.stringify(meant)}?`,
          },
        ];
      });
  },
});
