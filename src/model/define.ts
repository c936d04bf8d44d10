/**
 * The API that cluster definition files import. Kept nearly free of other imports so that loading
 * a definition stays cheap. Each value returned carries its call site (./site.ts), so that a
 * finding can point at the line that wrote it.
 */
import type { ClusterDefinition, ClusterLayer, Router } from './definition';
import { callerOf } from '../util/stack';
import { definitionSite, setDefinitionSite } from './site';

export type * from './definition';

/** A set of shared settings (fleet defaults, a group's defaults) for `defineCluster`. */
export function defineLayer(layer: ClusterLayer): ClusterLayer {
  return withSite(layer, defineLayer);
}

/**
 * A cluster: shared layers first, the cluster's own settings last. Later layers win; `null`
 * removes what an earlier layer set.
 */
export function defineCluster(...layers: [...ClusterLayer[], ClusterLayer & { name: string }]): ClusterDefinition {
  const definition: ClusterDefinition = { kind: 'ClusterDefinition', layers };
  const caller = callerOf(defineCluster);
  if (caller) {
    setDefinitionSite(definition, caller);
    // the cluster's own settings are usually written in the call itself
    const own = layers[layers.length - 1];
    if (typeof own === 'object' && own !== null && definitionSite(own) === undefined) setDefinitionSite(own, caller);
  }
  return definition;
}

export function defineRouter(router: Router): Router {
  return withSite(router, defineRouter);
}

function withSite<T>(value: T, callee: (...args: never[]) => unknown): T {
  if (typeof value !== 'object' || value === null) return value;
  const caller = callerOf(callee);
  if (caller) setDefinitionSite(value, caller);
  return value;
}
