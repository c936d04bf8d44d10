/**
 * The API that cluster definition files import. Kept free of other imports (but the record of
 * where each value was made) so that loading a definition stays cheap.
 */
import type { ClusterDefinition, ClusterLayer, Router } from './definition';
import { recordDefinitionSite } from './definition-site';

export type * from './definition';

/** A set of shared settings (fleet defaults, a group's defaults) for `defineCluster`. */
export function defineLayer(layer: ClusterLayer): ClusterLayer {
  recordDefinitionSite(layer, defineLayer);
  return layer;
}

/**
 * A cluster: shared layers first, the cluster's own settings last. Later layers win; `null`
 * removes what an earlier layer set.
 */
export function defineCluster(...layers: [...ClusterLayer[], ClusterLayer & { name: string }]): ClusterDefinition {
  const definition: ClusterDefinition = { kind: 'ClusterDefinition', layers };
  recordDefinitionSite(definition, defineCluster);
  return definition;
}

export function defineRouter(router: Router): Router {
  recordDefinitionSite(router, defineRouter);
  return router;
}
