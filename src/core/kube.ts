/**
 * Kubernetes objects: their shape, how they are named (`Kind/name`, `group/Kind`) and defensive
 * access to the parts every reader needs, for objects of any shape (YAML may hold anything).
 */
import { isMap, own, type JsonMap } from '../util/json';

/** The well-known node label of the region a node runs in; calico-gen reads a cluster's `site` as its value. */
export const REGION_LABEL = 'topology.kubernetes.io/region';

/** The minimal shape of a Kubernetes object as read from YAML or synthesised. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  spec?: Record<string, unknown>;
  [key: string]: unknown;
}

/** An object by identity: how a Helm release manifest lists what it owns. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  name: string;
  /** left out for cluster-scoped objects, and by charts that rely on the release namespace */
  namespace?: string;
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

/** The resource name Kubernetes gives a kind (`GlobalNetworkPolicy` → `globalnetworkpolicies`), for messages and docs. */
export function pluralOf(kind: string): string {
  const lower = kind.toLowerCase();
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${lower}es`;
  return `${lower}s`;
}

export function specOf(object: unknown): JsonMap {
  const spec = own(object, 'spec');
  return isMap(spec) ? spec : {};
}

export function metadataOf(object: unknown): JsonMap {
  const metadata = own(object, 'metadata');
  return isMap(metadata) ? metadata : {};
}

/** The object's name when it is a string, else undefined. */
export function nameOf(object: unknown): string | undefined {
  const name = own(metadataOf(object), 'name');
  return typeof name === 'string' ? name : undefined;
}

export function kindOf(object: unknown): string | undefined {
  const kind = own(object, 'kind');
  return typeof kind === 'string' ? kind : undefined;
}

/** `<Kind>/<name>` for any object, however malformed: how findings name objects. */
export function refOf(object: unknown): string {
  return `${kindOf(object) ?? '<no kind>'}/${nameOf(object) ?? '<unnamed>'}`;
}

/** An RFC 1123 label, as Kubernetes names many things (and calico-gen names clusters): `ml-serve-eqiad`. */
export function isDnsLabel(name: string): boolean {
  return name.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name);
}
