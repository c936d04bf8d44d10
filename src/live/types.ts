/** What the live readers (Kubernetes API, saved dump, Helm values file) hand to the diff. */
import type { KubeObject, ObjectRef } from '../core/kube';
import type { CrdSchemas } from './crds';

/** The newest revision of a Helm release, from its `sh.helm.release.v1.<release>.v<N>` Secret. */
export interface HelmRelease {
  name: string;
  namespace: string;
  revision: number;
  /** deployed, failed, superseded, pending-install, pending-upgrade, pending-rollback, uninstalling */
  status: string;
  chart: { name: string; version: string; appVersion?: string };
  /** the user-supplied values, what `helm get values` prints */
  config: Record<string, unknown>;
  /** the objects the revision's manifest holds: what Helm prunes when they leave the chart */
  manifest: ObjectRef[];
}

export interface LiveState {
  /** where the state was read, for people: `context ams-main (https://10.0.0.1:6443)`, `file live.yaml` */
  source: string;
  objects: KubeObject[];
  /** the kinds that were read (`<group>/<Kind>`, see kindKey): only these are compared */
  kinds: ReadonlySet<string>;
  /** undefined: not read; null: read, and the release does not exist (helmfile will install it) */
  release: HelmRelease | null | undefined;
  /** the deployed user-supplied values: from --live-values or the release; undefined when unknown */
  values: Record<string, unknown> | null | undefined;
  /** the schemas of the Calico CRDs the cluster serves; undefined when not read (a dump without them) */
  crds?: CrdSchemas;
}
