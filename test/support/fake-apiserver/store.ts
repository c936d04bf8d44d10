// The fake server's objects, stored as a real server would hand them back:
// defaulted, with server-owned metadata, managedFields and status filled in.
import { createHash } from 'node:crypto';
import type { KubeObject } from '../../../src/core/kube';
import { ResourceType, findByKind } from './catalogue';
import { applyCalicoDefaults } from './calico-defaults';
import { applyKubernetesDefaults } from './k8s-defaults';
import { clientFields, managedFieldsEntry } from './managed-fields';
import { workloadStatus } from './workload-status';

type Obj = Record<string, any>;

export interface StoreOptions {
  /** Fill the fields Calico writes into its own resources (see calico-defaults.ts). */
  calicoDefaults?: boolean;
  /** Stamp Helm's ownership annotations on objects labelled managed-by Helm, as `helm install` does. */
  helmRelease?: { name: string; namespace: string };
  /** Any further server-side change (a mutating webhook, an operator), applied after the defaults. */
  mutate?: (obj: KubeObject) => void;
  /** creationTimestamp and managedFields time of every object that has none; fixed so outputs are stable. */
  creationTimestamp?: string;
  /** Nodes a DaemonSet's status counts. */
  nodes?: number;
}

interface Stored {
  type: ResourceType;
  object: Obj;
}

const FIRST_RESOURCE_VERSION = 1000;

function uidFor(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function typeOf(obj: KubeObject): ResourceType {
  const type = findByKind(obj.apiVersion, obj.kind);
  if (!type) throw new Error(`fake-apiserver does not serve ${obj.apiVersion} ${obj.kind}; add it to catalogue.ts`);
  return type;
}

function placeInNamespace(obj: Obj, type: ResourceType): void {
  if (type.namespaced) obj.metadata.namespace ??= 'default';
  else delete obj.metadata.namespace;
}

function moveStringData(obj: Obj): void {
  if (obj.kind !== 'Secret' || !obj.stringData) return;
  obj.data ??= {};
  for (const [k, v] of Object.entries(obj.stringData as Record<string, string>)) obj.data[k] = Buffer.from(v).toString('base64');
  delete obj.stringData;
}

function stampHelmOwnership(obj: Obj, release: StoreOptions['helmRelease']): void {
  if (!release || obj.metadata.labels?.['app.kubernetes.io/managed-by'] !== 'Helm') return;
  obj.metadata.annotations = {
    ...obj.metadata.annotations,
    'meta.helm.sh/release-name': release.name,
    'meta.helm.sh/release-namespace': release.namespace,
  };
}

function fillServerMetadata(obj: Obj, resourceVersion: number, time: string): void {
  const m = obj.metadata;
  m.uid ??= uidFor(`${obj.apiVersion}/${obj.kind}/${m.namespace ?? ''}/${m.name}`);
  m.resourceVersion = String(resourceVersion);
  if (obj.spec !== undefined) m.generation ??= 1;
  m.creationTimestamp ??= time;
  if (obj.kind === 'Deployment') m.annotations = { ...m.annotations, 'deployment.kubernetes.io/revision': '1' };
}

function fillStatus(obj: Obj, written: Obj, time: string, nodes: number): void {
  const status = obj.status ?? workloadStatus(obj, time, nodes);
  const fields = [managedFieldsEntry('helm', obj.apiVersion, time, written)];
  if (status) {
    obj.status = status;
    fields.push(managedFieldsEntry('kube-controller-manager', obj.apiVersion, time, { 'f:status': clientFields(status) }, 'status'));
  }
  obj.metadata.managedFields ??= fields;
}

function storedForm(input: KubeObject, index: number, options: StoreOptions): Stored {
  const type = typeOf(input);
  const obj: Obj = structuredClone(input);
  const time = options.creationTimestamp ?? '2025-05-16T19:01:00Z';
  placeInNamespace(obj, type);
  moveStringData(obj);
  stampHelmOwnership(obj, options.helmRelease);
  applyKubernetesDefaults(obj, index);
  if (options.calicoDefaults) applyCalicoDefaults(obj);
  options.mutate?.(obj as KubeObject);
  // Taken before the server adds its own annotations: those are not Helm's.
  const written = clientFields(obj);
  fillServerMetadata(obj, FIRST_RESOURCE_VERSION + index, time);
  fillStatus(obj, written, time, options.nodes ?? 3);
  return { type, object: obj };
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const member of Object.values(value)) deepFreeze(member);
}

function sortKey(s: Stored): string {
  return `${s.object.metadata.namespace ?? ''}/${s.object.metadata.name}`;
}

export class ObjectStore {
  private readonly stored: Stored[];
  /** the stored objects of each type, in list order */
  private readonly byType = new Map<ResourceType, Obj[]>();
  /** The resourceVersion a list reports: the newest object's. */
  readonly resourceVersion: string;

  constructor(objects: KubeObject[], options: StoreOptions = {}) {
    this.stored = objects.map((o, i) => storedForm(o, i, options));
    for (const s of this.stored) deepFreeze(s.object);
    this.resourceVersion = String(FIRST_RESOURCE_VERSION + Math.max(objects.length - 1, 0));
    this.rejectDuplicates();
    // etcd returns a list in key order: namespace, then name.
    this.stored.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
    for (const s of this.stored) {
      const ofType = this.byType.get(s.type) ?? [];
      ofType.push(s.object);
      this.byType.set(s.type, ofType);
    }
  }

  private rejectDuplicates(): void {
    const seen = new Set<string>();
    for (const s of this.stored) {
      const key = `${s.type.plural}.${s.type.group}/${sortKey(s)}`;
      if (seen.has(key)) throw new Error(`fake-apiserver: two objects ${key}`);
      seen.add(key);
    }
  }

  /**
   * Objects of a type, in one namespace or (namespace undefined) all of them: the stored objects
   * themselves, frozen, not copies (a 5,000-node cluster's list is asked for page by page).
   */
  list(type: ResourceType, namespace?: string): readonly Readonly<Obj>[] {
    const all = this.byType.get(type) ?? [];
    return namespace === undefined ? all : all.filter((o) => o.metadata.namespace === namespace);
  }

  /** A copy of one object. */
  get(type: ResourceType, namespace: string | undefined, name: string): Obj | undefined {
    const found = this.list(type, namespace).find((o) => o.metadata.name === name);
    return found && structuredClone(found);
  }
}
