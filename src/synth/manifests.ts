/**
 * Stage 3b, manifests: chart values → the objects the chart creates, through the cdk8s charts in
 * charts-src/. One App per cluster: an App re-validates all its charts on every synthesis, so a
 * shared one makes a fleet quadratic.
 */
import { ApiObject, App } from 'cdk8s';
import { CalicoChart, type ChartInput } from '../../charts-src/calico-chart';
import { BgpPeersChart, bgpPeersInput, type BgpPeersInput } from '../../charts-src/bgp-peers-chart';
import type { KubeObject } from '../model/kube';
import { CHART, chartDefaultValues } from '../values/chart-defaults';
import type { CalicoValues } from '../values/types';
import { mergeLayers } from '../util/merge';
import { deepFreeze, renderOnce } from './render-once';

export interface Release {
  name: string;
  namespace: string;
}

/** The values as the chart sees them: its defaults under the given values, `~` applied. */
export function effectiveValues(values: unknown): CalicoValues & Record<string, unknown> {
  return mergeLayers([chartDefaultValues, values]) as unknown as CalicoValues & Record<string, unknown>;
}

/** The cluster's objects: the chart's, then its BGPPeers. */
export function synthManifests(values: unknown, release: Release): KubeObject[] {
  const input: ChartInput = { values: effectiveValues(values), release, chart: CHART };
  const chart = new CalicoChart(new App({ outdir: '/nonexistent' }), release.name, input);
  for (const construct of chart.node.findAll()) if (construct instanceof ApiObject) renderOnce(construct);
  return [...(chart.toJson() as KubeObject[]), ...bgpPeers(bgpPeersInput(input))];
}

const peersByInput = new Map<string, readonly KubeObject[]>();
/** Distinct router tables a process remembers the peers of: far more than a fleet has. */
const PEER_TABLES_LIMIT = 1_000;

/** Each distinct input is rendered by cdk8s once; every cluster with it shares the frozen objects. */
function bgpPeers(input: BgpPeersInput): readonly KubeObject[] {
  const key = JSON.stringify(input);
  let peers = peersByInput.get(key);
  if (!peers) {
    const chart = new BgpPeersChart(new App({ outdir: '/nonexistent' }), 'bgppeers', input);
    peers = deepFreeze(chart.toJson() as KubeObject[]);
    if (peersByInput.size < PEER_TABLES_LIMIT) peersByInput.set(key, peers);
  }
  return peers;
}
