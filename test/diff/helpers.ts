import { parse } from 'yaml';
import type { KubeObject } from '../../src/core/kube';
import type { LiveState } from '../../src/live/types';
import { kindKey } from '../../src/core/kube';

/** An object from YAML (flow style keeps a test's objects on one line). */
export function obj(yaml: string): KubeObject {
  return parse(yaml) as KubeObject;
}

export const HELM = {
  labels: { 'app.kubernetes.io/managed-by': 'Helm' },
  annotations: { 'meta.helm.sh/release-name': 'calico', 'meta.helm.sh/release-namespace': 'kube-system' },
};

/** A desired object as the chart renders it: with Helm's managed-by label. */
export function chartObject(object: KubeObject): KubeObject {
  return { ...object, metadata: { ...object.metadata, labels: { ...object.metadata.labels, ...HELM.labels } } };
}

/** A live object as Helm left it: its ownership label and annotations. */
export function helmOwned(object: KubeObject): KubeObject {
  return {
    ...object,
    metadata: { ...object.metadata, labels: { ...object.metadata.labels, ...HELM.labels }, annotations: { ...object.metadata.annotations, ...HELM.annotations } },
  };
}

export const RELEASE = { name: 'calico', namespace: 'kube-system' };

/** Live state holding `objects`, every kind of `kinds` (and of the objects) read. */
export function liveState(objects: KubeObject[], extra: Partial<LiveState> = {}, kinds: KubeObject[] = []): LiveState {
  return {
    source: 'test',
    objects,
    kinds: new Set([...objects, ...kinds].map(kindKey)),
    release: undefined,
    values: undefined,
    ...extra,
  };
}
