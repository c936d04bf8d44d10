/**
 * The API that cluster definition files import. Kept free of other imports so that loading a
 * definition stays cheap.
 */
import type { ClusterDefinition, ClusterLayer, Router } from './definition';

export type * from './definition';

/** A set of shared settings (fleet defaults, a group's defaults) for `defineCluster`. */
export function defineLayer(layer: ClusterLayer): ClusterLayer {
  return layer;
}

/**
 * A cluster: shared layers first, the cluster's own settings last. Later layers win; `null`
 * removes what an earlier layer set.
 */
export function defineCluster(...layers: [...ClusterLayer[], ClusterLayer & { name: string }]): ClusterDefinition {
  return { kind: 'ClusterDefinition', layers };
}

export function defineRouter(router: Router): Router {
  return router;
}
