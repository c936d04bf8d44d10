/**
 * One cluster through the synthesis stages: resolved definition → values → manifests.
 */
import type { ResolvedCluster } from '../resolve/resolve';
import type { KubeObject } from '../core/kube';
import type { CalicoValues } from '../model/chart-values';
import { emitValues } from '../values/emit';
import { synthManifests } from './manifests';

export interface SynthesizedCluster {
  cluster: ResolvedCluster;
  values: CalicoValues;
  manifests: KubeObject[];
}

export function synthesizeCluster(cluster: ResolvedCluster): SynthesizedCluster {
  const values = emitValues(cluster.spec);
  const manifests = synthManifests(values, cluster.spec.release);
  return { cluster, values, manifests };
}
