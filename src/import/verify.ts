/**
 * The promise of import: for every cluster, the values calico-gen synthesises from the imported
 * definition equal the values helmfile layered, on every key the chart reads, once the chart's
 * defaults are merged under both. Used by the command (on the in-memory layers) and by the round
 * trip test (on the generated files).
 */
import { isDeepStrictEqual } from 'node:util';
import { CHART, CHART_KEYS, effectiveValues } from '../model/chart-defaults';
import { isPlainMap } from '../util/merge';
import { changedPaths, type ValuePath } from '../util/value-paths';

export interface ValueMismatch {
  path: ValuePath;
  expected: unknown;
  actual: unknown;
}

/** What the chart sees, minus differences the chart cannot see. */
export function chartView(values: Record<string, unknown>): Record<string, unknown> {
  const effective = effectiveValues(values);
  const view: Record<string, unknown> = {};
  for (const key of CHART_KEYS) if (key in effective) view[key] = structuredClone(effective[key]);
  // the chart writes `tag || appVersion`
  if (isPlainMap(view.image) && view.image.tag === '') view.image = { ...view.image, tag: CHART.appVersion };
  for (const component of ['typha', 'kubeControllers']) {
    const settings = view[component];
    if (!isPlainMap(settings)) continue;
    // the chart renders an empty map and an empty list alike: nothing
    for (const key of ['tolerations', 'nodeSelector']) if (isEmpty(settings[key])) delete settings[key];
  }
  return view;
}

/** `layered` is the files merged by mergeValuesFiles; `synthesised` is calico-gen's values file. */
export function compareChartValues(layered: Record<string, unknown>, synthesised: Record<string, unknown>): ValueMismatch[] {
  const expected = chartView(layered);
  const actual = chartView(synthesised);
  if (isDeepStrictEqual(expected, actual)) return [];
  return changedPaths(expected, actual).map((path) => ({ path, expected: at(expected, path), actual: at(actual, path) }));
}

function isEmpty(value: unknown): boolean {
  return (Array.isArray(value) && value.length === 0) || (isPlainMap(value) && Object.keys(value).length === 0);
}

function at(tree: unknown, path: ValuePath): unknown {
  let node = tree;
  for (const segment of path) node = isPlainMap(node) ? node[segment as string] : Array.isArray(node) ? node[segment as number] : undefined;
  return node;
}
