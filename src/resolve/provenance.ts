/**
 * Which layer of a definition wrote a value of the merged definition, and where in it: what lets
 * a finding name the line that set the value, in the module that wrote it (a shared layer, the
 * router table), not in the cluster that imported it. Made only for values that findings or fleet
 * facts are about, and cheap: no file is read here (src/load/definition-locations.ts does that, for
 * the findings that are reported).
 */
import type { DefinitionRef } from '../core/findings';
import type { ClusterDefinition } from '../model/definition';
import { definitionSite } from '../model/site';
import { isPlainMap, type AtomicEntries } from '../util/merge';

export type KeyPath = readonly (string | number)[];

/**
 * The definition value at `keyPath` of the merged definition: the last layer that set it (or that
 * replaced the list, scalar or whole entry holding it), and in that layer the deepest value a
 * define function made (a router of `bgp.peers`, a `defineLayer` layer), else the layer as an
 * argument of `defineCluster`. A key no layer sets (a chart default) is the `defineCluster` call;
 * a key that is missing is looked for in its parents. Undefined when no define call has a site.
 */
export function definitionRefOf(definition: ClusterDefinition, keyPath: KeyPath, atomic: AtomicEntries): DefinitionRef | undefined {
  const layers = definition.layers;
  for (let length = keyPath.length; length > 0; length--) {
    for (let index = layers.length - 1; index >= 0; index--) {
      if (sets(layers[index], keyPath, length, atomic)) return sharedRefInLayer(layers[index]) ? sharedRef(definition, index, keyPath) : refInLayer(definition, index, keyPath);
    }
  }
  const call = definitionSite(definition);
  return call ? { call, keyPath: [] } : undefined;
}

/**
 * A layer made by a define call and frozen (what a shared module exports: the fleet's defaults, the
 * router table) names its values by its own calls, whichever cluster holds it: the ref of a key path
 * in it is made once per process, and every cluster importing it (and every router fact in it) shares it.
 */
const sharedRefInLayer = (layer: unknown): layer is object => typeof layer === 'object' && layer !== null && Object.isFrozen(layer) && definitionSite(layer) !== undefined;

/** A layer's refs by key path, one level per key (a number and its digits are different keys, as in the refs). */
interface RefTree {
  ref?: DefinitionRef;
  below?: Map<string | number, RefTree>;
}

const sharedRefs = new WeakMap<object, RefTree>();

function sharedRef(definition: ClusterDefinition, index: number, keyPath: KeyPath): DefinitionRef | undefined {
  const layer = definition.layers[index] as object;
  let node: RefTree | undefined = sharedRefs.get(layer);
  if (!node) sharedRefs.set(layer, (node = {}));
  for (const key of keyPath) {
    let child: RefTree | undefined = node.below?.get(key);
    if (!child) (node.below ??= new Map()).set(key, (child = {}));
    node = child;
  }
  if (!node.ref) {
    const ref = refInLayer(definition, index, keyPath);
    // shared by every finding and fact that asks: nobody may change it
    if (ref) node.ref = Object.freeze({ ...ref, keyPath: Object.freeze(ref.keyPath) as DefinitionRef['keyPath'] });
  }
  return node.ref;
}

/** Whether the layer decides the value at the first `length` keys of `path`: it sets it, or replaces something holding it. */
function sets(layer: unknown, path: KeyPath, length: number, atomic: AtomicEntries): boolean {
  let node = layer;
  for (let depth = 0; depth < length; depth++) {
    if (!isPlainMap(node) && !Array.isArray(node)) return false;
    const child = (node as Record<string | number, unknown>)[path[depth]!];
    if (child === undefined) return false;
    const whole = child === null || !isPlainMap(child) || atomic.some((entry) => entry.length === depth && entry.every((key, i) => key === path[i]));
    if (whole) return true;
    node = child;
  }
  return true;
}

/** The value at `keyPath` of layer `index`, named by the deepest define call that holds it. */
export function refInLayer(definition: ClusterDefinition, index: number, keyPath: KeyPath): DefinitionRef | undefined {
  const layer = definition.layers[index];
  const layerSite = definitionSite(layer);
  // asked for only when needed: a site is mapped to its source (a source map read) when first asked for
  const clusterSite = layerSite ? undefined : definitionSite(definition);
  let ref: DefinitionRef | undefined = layerSite ? { call: layerSite, argument: 0, keyPath: [...keyPath] } : clusterSite ? { call: clusterSite, argument: index, keyPath: [...keyPath] } : undefined;
  let node: unknown = layer;
  for (let depth = 0; depth < keyPath.length && typeof node === 'object' && node !== null; depth++) {
    node = (node as Record<string | number, unknown>)[keyPath[depth]!];
    const site = definitionSite(node);
    if (site) ref = { call: site, argument: 0, keyPath: keyPath.slice(depth + 1) };
  }
  return ref;
}
