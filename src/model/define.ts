/**
 * The API that cluster definition files import. Kept nearly free of other imports so that loading
 * a definition stays cheap. Each value returned carries its call site (./site.ts), so that a
 * finding can point at the line that wrote it.
 */
import type { ClusterDefinition, ClusterLayer, Router } from './definition';
import { callerOf } from '../util/stack';
import { setDefinitionSite } from './site';

const DEFINITION_MODULE = /\.[cm]?tsx?$/;

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
  return withSite(definition, defineCluster);
}

export function defineRouter(router: Router): Router {
  return withSite(router, defineRouter);
}

function withSite<T>(value: T, callee: (...args: never[]) => unknown): T {
  if (typeof value !== 'object' || value === null) return value;
  const caller = callerOf(callee);
  // only definition modules (TypeScript) have a line worth naming: not calico-gen's own code, nor a test's
  if (caller && DEFINITION_MODULE.test(caller.file)) setDefinitionSite(value, caller);
  return value;
}
