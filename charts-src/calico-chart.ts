/**
 * One cluster's chart: every object the `calico` chart creates from the cluster's values, part by
 * part, in the order the chart writes them. `calico-gen synth` renders each part on its own
 * (src/synth/manifests.ts); this whole chart is what the cdk8s app (`npx cdk8s synth`) writes.
 */
import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import type { ChartInput } from './context';
import { ipamPart, ipPoolsPart, policiesPart } from './calico-resources';
import { rbacPart } from './rbac';
import { workloadsPart } from './workloads';
import type { ChartPart } from './part';

export type { ChartInput } from './context';

/** The chart's parts, in its order; the BGPPeers follow in a chart of their own (bgp-peers-chart.ts). */
export const chartParts: readonly ChartPart<unknown>[] = [ipPoolsPart, ipamPart, policiesPart, rbacPart, workloadsPart];

export class CalicoChart extends Chart {
  constructor(scope: Construct, id: string, input: ChartInput) {
    // the chart's objects carry explicit names: no cdk8s hash suffixes
    super(scope, id, { disableResourceNameHashes: true });
    for (const part of chartParts) part.add(this, part.id, part.input(input));
  }
}
