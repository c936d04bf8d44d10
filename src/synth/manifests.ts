/**
 * The synth step: chart values → the objects the chart creates, through the cdk8s charts in
 * charts-src/, part by part. Each part has a narrow input of its own (charts-src/part.ts), and a
 * fleet repeats most of them (its router table, a group's workloads and policies): each distinct
 * input is rendered by cdk8s once per process, and every cluster with it shares the deep-frozen
 * objects. Sharing the instances lets the later steps remember their work per object by identity
 * (rules, schemas, YAML) instead of comparing content again.
 */
import { App, Chart } from 'cdk8s';
import { CalicoChart, chartParts, type ChartInput } from '../../charts-src/calico-chart';
import { BgpPeersChart, bgpPeersInput, bgpPeersPart } from '../../charts-src/bgp-peers-chart';
import type { ChartPart } from '../../charts-src/part';
import type { KubeObject } from '../core/kube';
import { CHART, effectiveValues, type EffectiveValues } from '../model/chart-defaults';
import { deepFreeze } from '../util/memo';

export interface Release {
  name: string;
  namespace: string;
}

function chartInput(values: unknown, release: Release, effective = effectiveValues(values)): ChartInput {
  return { values: effective, release, chart: CHART };
}

/** The cluster's charts in an App of the caller's (the cdk8s app): the chart and its BGPPeers. */
export function addCharts(app: App, cluster: string, values: unknown, release: Release): void {
  const input = chartInput(values, release);
  new CalicoChart(app, cluster, input);
  new BgpPeersChart(app, `${cluster}-bgppeers`, bgpPeersInput(input));
}

/** The cluster's objects: the chart's parts in order, then its BGPPeers. `effective`: effectiveValues(values), when the caller has it. */
export function synthManifests(values: unknown, release: Release, effective?: EffectiveValues): KubeObject[] {
  const input = chartInput(values, release, effective);
  return parts.flatMap(({ part, render }) => render(part.input(input)));
}

/** A thousand distinct inputs of one part is far more than a fleet has; past that, parts render each time. */
const DISTINCT_INPUTS = 1_000;

const parts = [...chartParts, bgpPeersPart].map((part) => ({ part, render: renderedOnce(part) }));

function renderedOnce(part: ChartPart<unknown>): (input: unknown) => readonly KubeObject[] {
  const rendered = new Map<string, readonly KubeObject[]>();
  return (input) => {
    const key = keyOf(input);
    if (key === undefined) return render(part, input);
    let objects = rendered.get(key);
    if (!objects) {
      objects = render(part, input);
      if (rendered.size < DISTINCT_INPUTS) rendered.set(key, objects);
    }
    return objects;
  };
}

/** The input as JSON; undefined when it is not plain data (a YAML big integer): then it is rendered each time. */
function keyOf(input: unknown): string | undefined {
  try {
    return JSON.stringify(input);
  } catch {
    return undefined;
  }
}

/** One part alone, as cdk8s renders it: one App each, since an App re-validates all its charts on every synthesis. */
function render(part: ChartPart<unknown>, input: unknown): readonly KubeObject[] {
  const chart = new Chart(new App({ outdir: '/nonexistent' }), part.id, { disableResourceNameHashes: true });
  part.add(chart, part.id, input);
  return deepFreeze(chart.toJson() as KubeObject[]);
}
