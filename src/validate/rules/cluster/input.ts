/**
 * What a cluster rule sees. The same shape comes from a cluster definition (values emitted from the
 * ClusterSpec, manifests synthesised by the chart) and from hand-written inputs (values files merged
 * as helmfile does, Calico manifests), so every rule runs on both.
 */
import type { KubeObject } from '../../../core/kube';

/** kubelet's default `maxPods` */
export const DEFAULT_MAX_PODS_PER_NODE = 110;

export interface ClusterCapacityHints {
  /** nodes the cluster is expected to grow to; the capacity check runs only when known */
  expectedNodes?: number;
  maxPodsPerNode: number;
}

export interface ClusterInput {
  /** cluster name, '' for Calico manifests that belong to no named cluster */
  name: string;
  /**
   * The chart's effective values (chart defaults merged under the given values), or undefined when
   * the input is Calico manifests alone. Hand-written: any shape at all, so rules read it defensively.
   */
  values?: Record<string, unknown>;
  /** every object: synthesised by the chart, hand-written, or both; any shape when hand-written */
  objects: readonly KubeObject[];
  capacity: ClusterCapacityHints;
  /** the definition's site, whose nodes carry topology.kubernetes.io/region=<site>; unknown for hand-written inputs */
  site?: string;
}
