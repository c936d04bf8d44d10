/** What the live readers (Kubernetes API, saved dump, Helm values file) hand to the diff. */
import type { KubeObject } from '../model/kube';

/** An object by identity: how a Helm release manifest lists what it owns. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  name: string;
  /** left out for cluster-scoped objects, and by charts that rely on the release namespace */
  namespace?: string;
}

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
}

export function groupOfApiVersion(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** `crd.projectcalico.org/IPPool`, `/ConfigMap`: a kind whatever the version it is served at. */
export function kindKey(object: { apiVersion: string; kind: string }): string {
  return `${groupOfApiVersion(object.apiVersion)}/${object.kind}`;
}

/** A kind and name, with the namespace for namespaced objects: one object whatever its version. */
export function objectKey(object: { apiVersion: string; kind: string; metadata?: { name?: string; namespace?: string } } | (ObjectRef & { metadata?: undefined })): string {
  const name = object.metadata?.name ?? (object as ObjectRef).name;
  const namespace = object.metadata?.namespace ?? (object as ObjectRef).namespace ?? '';
  return `${kindKey(object)}/${namespace}/${name}`;
}

export const CALICO_GROUP = 'crd.projectcalico.org';

/** The resource name Kubernetes gives a kind (`GlobalNetworkPolicy` → `globalnetworkpolicies`), for messages and docs. */
export function pluralOf(kind: string): string {
  const lower = kind.toLowerCase();
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${lower}es`;
  return `${lower}s`;
}
