/**
 * Helmfile/Helm layering: maps merge key by key, the later layer wins, lists and scalars are
 * replaced whole, and `null` (`~` in YAML) removes the key a lower layer set.
 */
import { deepFreeze } from './memo';

export type Mergeable = Record<string, unknown>;

/**
 * The maps whose entries a later layer replaces whole instead of merging key by key, each by the
 * keys that lead to it (`['ipPools']`: every entry of `ipPools` is replaced whole).
 */
export type AtomicEntries = readonly (readonly string[])[];

export function isPlainMap(value: unknown): value is Mergeable {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function mergeLayers(layers: readonly unknown[], atomic: AtomicEntries = []): Mergeable {
  let merged: Mergeable = {};
  for (const layer of layers) {
    if (isPlainMap(layer)) merged = mergeInto(merged, layer, atomic, 0);
  }
  return merged;
}

/** Merges of a frozen result with a frozen layer, frozen themselves: each computed once (per set of atomic entries). */
const frozenMerges = new WeakMap<AtomicEntries, WeakMap<Mergeable, WeakMap<object, Mergeable>>>();
const EMPTY: Mergeable = Object.freeze({});
const NO_ATOMIC_ENTRIES: AtomicEntries = [];

/**
 * mergeLayers for layers that cannot change (frozen, as a definition's are once its module is
 * evaluated): a fleet's clusters share their first layers (fleet defaults, a group's), so each
 * merge of the same layers is done once, and the result is shared, frozen. `atomic` must be one
 * constant array for the memo to serve.
 */
export function mergeFrozenLayers(layers: readonly unknown[], atomic: AtomicEntries = NO_ATOMIC_ENTRIES): Mergeable {
  let merges = frozenMerges.get(atomic);
  if (!merges) frozenMerges.set(atomic, (merges = new WeakMap()));
  let merged = EMPTY;
  for (const layer of layers) {
    if (!isPlainMap(layer)) continue;
    if (!Object.isFrozen(layer) || !Object.isFrozen(merged)) {
      merged = mergeInto(merged, layer, atomic, 0);
      continue;
    }
    let byLayer = merges.get(merged);
    if (!byLayer) merges.set(merged, (byLayer = new WeakMap()));
    let next = byLayer.get(layer);
    if (!next) byLayer.set(layer, (next = deepFreeze(mergeInto(merged, layer, atomic, 0))));
    merged = next;
  }
  return merged;
}

/** `atomic` holds the paths still possible at this depth: those whose first `depth` keys led here. */
function mergeInto(base: Mergeable, overlay: Mergeable, atomic: AtomicEntries, depth: number): Mergeable {
  const result: Mergeable = { ...base };
  const entriesAtomic = atomic.some((path) => path.length === depth);
  for (const [key, value] of Object.entries(overlay)) {
    if (value === null) {
      delete result[key];
    } else if (isPlainMap(value) && isPlainMap(result[key]) && !entriesAtomic) {
      const below = atomic.filter((path) => path.length > depth && path[depth] === key);
      result[key] = mergeInto(result[key] as Mergeable, value, below, depth + 1);
    } else if (isPlainMap(value)) {
      // a map over nothing (or replacing a whole entry) still has its own nulls removed, as Helm's coalescing does
      result[key] = mergeInto({}, value, [], depth + 1);
    } else if (value !== undefined) {
      result[key] = value;
    }
  }
  return result;
}

/**
 * How Helm merges the `-f` files helmfile passes, before the chart's defaults: maps key by key,
 * anything else replaced, and `~` kept as null, so that it still removes a chart default when the
 * defaults are coalesced underneath (mergeLayers drops the null at once, which would let the
 * default come back from under `limits: { memory: ~ }`).
 */
export function mergeValuesFiles(files: readonly unknown[]): Mergeable {
  let merged: Mergeable = {};
  for (const file of files) if (isPlainMap(file)) merged = mergeKeepingNulls(merged, file);
  return merged;
}

function mergeKeepingNulls(base: Mergeable, overlay: Mergeable): Mergeable {
  const result: Mergeable = { ...base };
  for (const [key, value] of Object.entries(overlay)) {
    const below = result[key];
    result[key] = isPlainMap(value) && isPlainMap(below) ? mergeKeepingNulls(below, value) : value;
  }
  return result;
}
