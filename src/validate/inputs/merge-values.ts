/**
 * Helm's merge of several `--values` files (helmfile hands them to Helm in order): maps merge key
 * by key, anything else from the later file replaces, and a `~` (null) is kept as null, so that
 * when the chart's defaults are coalesced underneath (effectiveValues) it removes the default too.
 * src/util/merge.ts removes a null at once, which is right between definition layers but would
 * let a chart default come back from under `limits: { memory: ~ }`.
 */
import { isPlainMap, type Mergeable } from '../../util/merge';

export function mergeValuesFiles(layers: readonly unknown[]): Mergeable {
  let merged: Mergeable = {};
  for (const layer of layers) if (isPlainMap(layer)) merged = mergeKeepingNulls(merged, layer);
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
