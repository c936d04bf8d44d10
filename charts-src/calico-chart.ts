/** One cluster's chart: every object the `calico` chart creates from the cluster's values. */
import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import type { ChartInput } from './context';
import { CalicoResources } from './calico-resources';
import { CalicoRbac } from './rbac';
import { CalicoWorkloads } from './workloads';

export type { ChartInput } from './context';

export class CalicoChart extends Chart {
  constructor(scope: Construct, id: string, input: ChartInput) {
    // the chart's objects carry explicit names: no cdk8s hash suffixes
    super(scope, id, { disableResourceNameHashes: true });
    new CalicoResources(this, 'calico', input);
    new CalicoRbac(this, 'rbac', input);
    new CalicoWorkloads(this, 'workloads', input);
  }
}
