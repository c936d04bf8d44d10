/** A cluster as the synth step leaves it: its resolved definition, its values and the chart's objects. */
import type { ResolvedCluster } from '../resolve/resolve';
import type { KubeObject } from '../core/kube';
import type { CalicoValues } from '../model/chart-values';

export interface SynthesizedCluster {
  cluster: ResolvedCluster;
  values: CalicoValues;
  manifests: KubeObject[];
}
