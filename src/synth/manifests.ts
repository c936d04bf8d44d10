/**
 * Stage 3b, manifests: chart values → the objects the chart creates, through the cdk8s
 * constructs in charts-src/. One App per cluster: an App re-validates all its charts on every
 * synthesis, so a shared one makes a fleet quadratic.
 */
import { App } from 'cdk8s';
import { CalicoChart } from '../../charts-src/calico-chart';
import type { KubeObject } from '../model/kube';
import { CHART, chartDefaultValues } from '../values/chart-defaults';
import type { CalicoValues } from '../values/types';
import { mergeLayers } from '../util/merge';

export interface Release {
  name: string;
  namespace: string;
}

/** The values as the chart sees them: its defaults under the given values, `~` applied. */
export function effectiveValues(values: unknown): CalicoValues & Record<string, unknown> {
  return mergeLayers([chartDefaultValues, values]) as unknown as CalicoValues & Record<string, unknown>;
}

export function synthManifests(values: unknown, release: Release): KubeObject[] {
  const app = new App({ outdir: '/nonexistent' });
  const chart = new CalicoChart(app, release.name, { values: effectiveValues(values), release, chart: CHART });
  return chart.toJson() as KubeObject[];
}
