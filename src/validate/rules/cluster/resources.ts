/**
 * A container whose request is above its limit is refused by Kubernetes, so the chart's
 * DaemonSet or Deployment never gets a pod. With layered values this happens when a layer raises a
 * request over a limit that a lower layer (or the chart) set, and forgets to raise or `~` the limit.
 */
import type { RuleHit } from '../../rule';
import { defineClusterRule } from './define';
import { valueAt } from './view';

const COMPONENTS = ['calicoNode', 'typha', 'kubeControllers'] as const;
/** Multipliers as fractions, so that `300m` and `0.3` compare equal (floats would not). */
const SUFFIX: Record<string, [bigint, bigint]> = {
  n: [1n, 10n ** 9n], u: [1n, 10n ** 6n], m: [1n, 1000n], '': [1n, 1n],
  k: [10n ** 3n, 1n], M: [10n ** 6n, 1n], G: [10n ** 9n, 1n], T: [10n ** 12n, 1n], P: [10n ** 15n, 1n], E: [10n ** 18n, 1n],
  Ki: [1n << 10n, 1n], Mi: [1n << 20n, 1n], Gi: [1n << 30n, 1n], Ti: [1n << 40n, 1n], Pi: [1n << 50n, 1n], Ei: [1n << 60n, 1n],
};

export interface Quantity {
  numerator: bigint;
  denominator: bigint;
}

/** A Kubernetes quantity (`700m`, `1.5Gi`, `2`, `1e3`) as an exact fraction; undefined when it is not one. */
export function parseQuantity(value: unknown): Quantity | undefined {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== 'string') return undefined;
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$/.exec(text);
  if (!match || (match[2] === '' && !match[3])) return undefined;
  const fraction = match[3] ?? '';
  let numerator = BigInt(`${match[2]}${fraction}` || '0') * (match[1] === '-' ? -1n : 1n);
  let denominator = 10n ** BigInt(fraction.length);
  if (match[4]) {
    const exponent = Number(match[4].slice(1));
    if (Math.abs(exponent) > 100) return undefined;
    if (exponent >= 0) numerator *= 10n ** BigInt(exponent);
    else denominator *= 10n ** BigInt(-exponent);
  } else {
    const [times, per] = SUFFIX[match[5] ?? '']!;
    numerator *= times;
    denominator *= per;
  }
  return { numerator, denominator };
}

export function compareQuantities(a: Quantity, b: Quantity): number {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

export const resourcesRequestAboveLimit = defineClusterRule({
  id: 'resources-request-above-limit',
  severity: 'error',
  description: 'No calico-node, typha or kube-controllers resource request is above its limit (Kubernetes refuses such pods)',
  check(cluster) {
    const hits: RuleHit[] = [];
    for (const component of COMPONENTS) {
      for (const resource of ['cpu', 'memory']) {
        const request = valueAt(cluster.values, component, 'resources', 'requests', resource);
        const limit = valueAt(cluster.values, component, 'resources', 'limits', resource);
        const [requested, limited] = [parseQuantity(request), parseQuantity(limit)];
        if (requested === undefined || limited === undefined || compareQuantities(requested, limited) <= 0) continue;
        hits.push({
          object: 'values',
          path: `/${component}/resources/requests/${resource}`,
          message:
            `${component} requests ${resource} ${String(request)} but its limit is ${String(limit)}: Kubernetes refuses a container whose request is above its limit, ` +
            `so the workload gets no pods; raise limits.${resource} too, or remove the limit with \`${resource}: ~\``,
        });
      }
    }
    return hits;
  },
});
