/**
 * A container whose request is above its limit is refused by Kubernetes, so the chart's
 * DaemonSet or Deployment never gets a pod. With layered values this happens when a layer raises a
 * request over a limit that a lower layer (or the chart) set, and forgets to raise or `~` the limit.
 */
import type { RuleHit } from '../../rule';
import { defineClusterRule } from './define';
import { valueAt } from './view';

const COMPONENTS = ['calicoNode', 'typha', 'kubeControllers'] as const;
const SUFFIX: Record<string, number> = {
  n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

/** A Kubernetes quantity (`700m`, `1.5Gi`, `2`, `1e3`) as a number; undefined when it is not one. */
export function parseQuantity(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$/.exec(value);
  if (!match) return undefined;
  const number = Number(match[1]);
  if (match[2]) return number * 10 ** Number(match[2].slice(1));
  return number * SUFFIX[match[3] ?? '']!;
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
        if (requested === undefined || limited === undefined || requested <= limited) continue;
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
