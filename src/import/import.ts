/**
 * `calico-gen import`, the library half: a helmfile values tree → one model layer per values
 * layer (fleet, group, cluster), checked to reproduce every cluster's values before any file is
 * written.
 */
import * as path from 'node:path';
import { mergeLayers } from '../util/merge';
import { CHART } from '../model/chart-defaults';
import { ImportFailed, type ImportProblem } from './errors';
import { readLayout, type ClusterLayout, type TreeLayout } from './layout';
import { compareStrings } from '../util/compare';
import { readValuesFile, type ValuesFile } from './values-file';
import { splitChartKeys } from './chart-keys';
import { composeFiles } from './compose';
import { mapLayer } from './map-layer';
import type { MappedLayer } from './mapper';
import { orderModel } from './model-order';
import { verifyClusters } from './verify-cluster';
import { mergeValuesFiles } from '../util/merge';
import { REGION_LABEL } from '../core/kube';
import { parseSelector, type SelectorNode } from '../core/selector';

export interface ImportOptions {
  valuesDir: string;
  /** cluster → group, from --group */
  groups: ReadonlyMap<string, string>;
  /** the tree's layout, when the caller has read it already */
  layout?: TreeLayout;
  /** where a relative valuesDir starts */
  cwd: string;
  /** larger values files are refused before they are read (default 256 MiB) */
  maxInputBytes?: number;
}

export interface ImportedCluster {
  layout: ClusterLayout;
  layer: MappedLayer;
  /** the chart keys of every file the cluster layers, merged as Helm merges `-f` files (`~` kept) */
  layeredValues: Record<string, unknown>;
}

export interface ImportedFleet {
  fleet: MappedLayer;
  groups: Map<string, MappedLayer>;
  clusters: ImportedCluster[];
  /** per file: the top-level keys left alone because the calico chart does not read them */
  ignoredKeys: Map<string, string[]>;
  /** per file: the chart keys it sets, which the old layers must drop once calico-gen is the source */
  chartKeys: Map<string, string[]>;
}

export async function importValuesTree(options: ImportOptions): Promise<ImportedFleet> {
  const layout = options.layout ?? readLayout(path.resolve(options.cwd, options.valuesDir), options.groups);
  const problems: ImportProblem[] = [];
  const files = readChartViews(layout, options, problems);
  const view = (file: string) => files.get(file)!.view;

  const fleet = mapFleet(layout.fleetFiles.map(view), problems);
  const groups = new Map<string, MappedLayer>();
  const clusters: ImportedCluster[] = [];
  const byGroup = [...layout.clusters].sort((a, b) => compareStrings(a.group, b.group));
  for (const cluster of byGroup) {
    const groupFile = layout.groupFiles.get(cluster.group)!;
    const fleetAndGroup = [...layout.fleetFiles, groupFile].map(view);
    if (!groups.has(cluster.group)) groups.set(cluster.group, mapGroup(cluster.group, view(groupFile), layout.fleetFiles.map(view), problems));
    const own = cluster.files.slice(fleetAndGroup.length).map(view);
    const layer = mapLayer(composeFiles(own, problems), effective(fleetAndGroup), problems);
    addIdentity(layer, cluster.name, routerRegions(mergeValuesFiles(cluster.files.map((file) => view(file).data))));
    layer.model = orderModel(layer.model);
    clusters.push({ layout: cluster, layer, layeredValues: mergeValuesFiles(cluster.files.map((file) => view(file).data)) });
  }
  clusters.sort((a, b) => (a.layout.name < b.layout.name ? -1 : 1));
  if (problems.length === 0) {
    const layersOf = (cluster: ImportedCluster) => [fleet, groups.get(cluster.layout.group)!, cluster.layer];
    problems.push(...(await verifyClusters(clusters.map((cluster) => ({ name: cluster.layout.name, layers: layersOf(cluster), layeredValues: cluster.layeredValues })))));
  }
  if (problems.length > 0) throw new ImportFailed(sortProblems(problems));
  const ignoredKeys = new Map([...files].map(([, f]) => [f.view.file, f.other] as [string, string[]]).filter(([, keys]) => keys.length > 0));
  const chartKeys = new Map([...files].map(([, f]) => [f.view.file, Object.keys(f.view.data)] as [string, string[]]).filter(([, keys]) => keys.length > 0));
  return { fleet, groups, clusters, ignoredKeys, chartKeys };
}

interface ChartView {
  view: ValuesFile;
  other: string[];
}

/**
 * Every file once, reduced to the chart's keys; unreadable files are problems, not exceptions.
 * Files are named relative to the working directory (`--values-dir values` → `values/main.yaml`),
 * never by an absolute path: the names go into the headers of the files import writes.
 */
function readChartViews(layout: TreeLayout, options: ImportOptions, problems: ImportProblem[]): Map<string, ChartView> {
  const all = [...new Set(layout.clusters.flatMap((c) => c.files))];
  const display = (file: string) => path.relative(options.cwd, file);
  const views = new Map<string, ChartView>();
  for (const file of all) {
    let parsed: ValuesFile;
    try {
      parsed = readValuesFile(file, display(file), options.maxInputBytes);
    } catch (error) {
      if (!(error instanceof ImportFailed)) throw error;
      problems.push(...error.problems);
      parsed = { file: display(file), data: {}, lineOf: () => undefined, commentsOf: () => ({}) };
    }
    const { calico, other } = splitChartKeys(parsed, problems);
    views.set(file, { view: { ...parsed, data: calico }, other });
  }
  return views;
}

function mapFleet(files: ValuesFile[], problems: ImportProblem[]): MappedLayer {
  const layer = mapLayer(composeFiles(files, problems), {}, problems);
  if (!('calicoVersion' in layer.model)) {
    // pinned, so that a chart upgrade cannot change the image without a change here
    layer.model.calicoVersion = CHART.appVersion;
    layer.notes.set('/calicoVersion', { before: ` the values set no image.tag, so the chart ran its appVersion (chart ${CHART.name} ${CHART.version})` });
  }
  layer.model = orderModel(layer.model);
  return layer;
}

function mapGroup(group: string, file: ValuesFile, fleetFiles: ValuesFile[], problems: ImportProblem[]): MappedLayer {
  const layer = mapLayer(composeFiles([file], problems), effective(fleetFiles), problems);
  layer.model = orderModel({ group, ...layer.model });
  return layer;
}

/**
 * The model needs to know a cluster's site: the part of its name that is a region its routers
 * select nodes by (`ml-serve-eqiad` → `eqiad`, `ams-main` → `ams`), else the last part.
 */
function addIdentity(layer: MappedLayer, name: string, regions: ReadonlySet<string>): void {
  const parts = name.split('-');
  const site = [...parts].reverse().find((part) => regions.has(part)) ?? parts[parts.length - 1]!;
  Object.assign(layer.model, { name, site, kubeContext: name });
}

/** The topology.kubernetes.io/region values the BGPPeers' node selectors name (`== 'x'`, `in {'x', 'y'}`). */
function routerRegions(values: Record<string, unknown>): Set<string> {
  const regions = new Set<string>();
  const visit = (node: SelectorNode): void => {
    if ((node.kind === 'compare' && node.op === '==') || (node.kind === 'set' && node.op === 'in')) {
      if (node.label === REGION_LABEL) for (const value of node.kind === 'set' ? node.values : [node.value]) regions.add(value);
    } else if (node.kind === 'and' || node.kind === 'or') node.operands.forEach(visit);
  };
  const peers = values.BGPPeers;
  for (const peer of Object.values(peers && typeof peers === 'object' ? peers : {})) {
    const selector = (peer as { nodeSelector?: unknown } | null)?.nodeSelector;
    const parsed = typeof selector === 'string' ? parseSelector(selector) : undefined;
    if (parsed?.ok) visit(parsed.ast);
  }
  return regions;
}

export function effective(files: readonly ValuesFile[]): Record<string, unknown> {
  return mergeLayers(files.map((file) => file.data));
}

function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  const seen = new Set<string>();
  return problems
    .filter((p) => {
      const key = `${p.file}\0${p.line}\0${p.keyPath}\0${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
}
