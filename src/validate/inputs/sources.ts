/**
 * A cluster to validate, whatever it was written as: a definition (already synthesised), or
 * hand-written values files and Calico manifests. Each becomes the same ClusterInput for the rules,
 * plus a way to say where a finding's object and field were written.
 */
import type { KubeObject } from '../../model/kube';
import type { SynthesizedCluster } from '../../synth/synthesize';
import { effectiveValues, synthManifests } from '../../synth/manifests';
import { describeError } from '../../util/errors';
import type { Finding, SourceLocation } from '../finding';
import { DEFAULT_MAX_PODS_PER_NODE, type ClusterCapacityHints, type ClusterInput } from '../rules/cluster/input';
import { locateInManifest, type ManifestObject } from './manifest-files';
import { valuesPointerFor } from './object-to-values';
import { locateInLayers, type ValuesLayer } from './values-files';
import { mergeValuesFiles } from './merge-values';

export interface ClusterSource {
  input: ClusterInput;
  /** where the finding's object and field were written */
  locate(object: string, path: string): SourceLocation | undefined;
  /** problems met while turning the input into a cluster (the chart could not render the values) */
  findings: Finding[];
}

/** The release the chart's objects are rendered for when values come without a definition. */
export const DEFAULT_RELEASE = { name: 'calico', namespace: 'kube-system' };

export function definitionSource(synthesized: SynthesizedCluster): ClusterSource {
  const spec = synthesized.cluster.spec;
  const source = { file: synthesized.cluster.definitionFile };
  return {
    input: {
      name: synthesized.cluster.name,
      values: effectiveValues(synthesized.values),
      objects: synthesized.manifests,
      capacity: hints(spec.capacity?.expectedNodes, spec.capacity?.maxPodsPerNode),
    },
    locate: () => source,
    findings: [],
  };
}

export function hints(expectedNodes: number | undefined, maxPodsPerNode: number | undefined): ClusterCapacityHints {
  return {
    ...(expectedNodes !== undefined ? { expectedNodes } : {}),
    maxPodsPerNode: maxPodsPerNode ?? DEFAULT_MAX_PODS_PER_NODE,
  };
}

export interface HandWrittenCluster {
  name: string;
  /** values files, lowest layer first */
  values: readonly ValuesLayer[];
  manifests: readonly ManifestObject[];
  capacity: ClusterCapacityHints;
}

export function handWrittenSource(cluster: HandWrittenCluster): ClusterSource {
  const findings: Finding[] = [];
  let values: Record<string, unknown> | undefined;
  let rendered: KubeObject[] = [];
  if (cluster.values.length > 0) {
    const merged = mergeValuesFiles(cluster.values.map((layer) => layer.document.data));
    values = effectiveValues(merged);
    try {
      rendered = synthManifests(merged, DEFAULT_RELEASE);
    } catch (error) {
      findings.push({
        rule: 'values-render',
        severity: 'error',
        cluster: cluster.name,
        object: 'values',
        path: '',
        message: `the chart cannot render these values (${describeError(error).split('\n')[0]}): fix the values-schema findings first`,
        ...(cluster.values.length > 0 ? { source: { file: cluster.values[cluster.values.length - 1]!.file } } : {}),
      });
    }
  }
  const written = new Map<string, ManifestObject>();
  for (const manifest of cluster.manifests) if (!written.has(manifest.ref)) written.set(manifest.ref, manifest);
  return {
    input: { name: cluster.name, values, objects: [...rendered, ...cluster.manifests.map((m) => m.object)], capacity: cluster.capacity },
    locate(object, path) {
      const manifest = written.get(object);
      if (manifest) return locateInManifest(manifest, path);
      return values === undefined ? undefined : locateInLayers(cluster.values, valuesPointerFor(object, path, values));
    },
    findings,
  };
}
