/**
 * Stage 3b, manifests: chart values → the objects the chart creates, through the cdk8s charts in
 * charts-src/. One App per cluster: an App re-validates all its charts on every synthesis, so a
 * shared one makes a fleet quadratic.
 */
import { ApiObject, App } from 'cdk8s';
import { CalicoChart, type ChartInput } from '../../charts-src/calico-chart';
import { BgpPeersChart, bgpPeersInput, type BgpPeersInput } from '../../charts-src/bgp-peers-chart';
import type { KubeObject } from '../core/kube';
import { CHART, effectiveValues } from '../model/chart-defaults';
import { renderOnce } from './render-once';
import { deepFreeze, memoiseByString } from '../util/memo';

export interface Release {
  name: string;
  namespace: string;
}

function chartInput(values: unknown, release: Release): ChartInput {
  return { values: effectiveValues(values), release, chart: CHART };
}

/** The cluster's charts in an App of the caller's (the cdk8s app): the chart and its BGPPeers. */
export function addCharts(app: App, cluster: string, values: unknown, release: Release): void {
  const input = chartInput(values, release);
  new CalicoChart(app, cluster, input);
  new BgpPeersChart(app, `${cluster}-bgppeers`, bgpPeersInput(input));
}

/** The cluster's objects: the chart's, then its BGPPeers. */
export function synthManifests(values: unknown, release: Release): KubeObject[] {
  const input = chartInput(values, release);
  const chart = new CalicoChart(new App({ outdir: '/nonexistent' }), release.name, input);
  for (const construct of chart.node.findAll()) if (construct instanceof ApiObject) renderOnce(construct);
  return [...(chart.toJson() as KubeObject[]), ...bgpPeers(bgpPeersInput(input))];
}

/**
 * Each distinct input is rendered by cdk8s once (the key is the input itself, as JSON); every
 * cluster with it shares the frozen objects. A thousand router tables is far more than a fleet has.
 */
const peersFor = memoiseByString((input: string): readonly KubeObject[] => {
  const chart = new BgpPeersChart(new App({ outdir: '/nonexistent' }), 'bgppeers', JSON.parse(input) as BgpPeersInput);
  return deepFreeze(chart.toJson() as KubeObject[]);
}, 1_000);

function bgpPeers(input: BgpPeersInput): readonly KubeObject[] {
  return peersFor(JSON.stringify(input));
}
