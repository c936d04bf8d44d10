/**
 * A container whose request is above its limit is refused by Kubernetes, so the chart's
 * DaemonSet or Deployment never gets a pod. With layered values this happens when a layer raises a
 * request over a limit that a lower layer (or the chart) set, and forgets to raise or `~` the limit.
 */
import type { Hit } from '../../../core/findings';
import { defineRule } from '../../rule';
import { valueAt } from './view';
import { parseQuantity } from '../../../core/quantity';

const COMPONENTS = ['calicoNode', 'typha', 'kubeControllers'] as const;
/** Exact, in nanos, as the API server reads it (`300m` and `0.3` are equal); undefined when not a quantity. */
export function quantityNanos(value: unknown): bigint | undefined {
  if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) return undefined;
  return parseQuantity(String(value))?.nanos;
}

export const resourcesRequestAboveLimit = defineRule({
  scope: 'cluster',
  id: 'resources-request-above-limit',
  severity: 'error',
  description: 'No calico-node, typha or kube-controllers resource request is above its limit (Kubernetes refuses such pods)',
  check(cluster) {
    const hits: Hit[] = [];
    for (const component of COMPONENTS) {
      for (const resource of ['cpu', 'memory']) {
        const request = valueAt(cluster.values, component, 'resources', 'requests', resource);
        const limit = valueAt(cluster.values, component, 'resources', 'limits', resource);
        const [requested, limited] = [quantityNanos(request), quantityNanos(limit)];
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
