/**
 * A hand-written cluster to validate: values files and Calico manifests, turned into the same
 * ClusterInput a definition becomes (./cluster-source.ts), located in the files they came from.
 */
import type { KubeObject } from '../core/kube';
import { synthManifests } from '../synth/manifests';
import { effectiveValues } from '../model/chart-defaults';
import { describeError } from '../util/errors';
import type { Check, Finding } from '../core/findings';
import type { ClusterCapacityHints } from '../validate/rules/cluster/input';
import type { ClusterSource } from '../validate/source';
import { locateInManifest, type ManifestObject } from './manifest-files';
import { valuesPointerFor } from '../values/object-to-values';
import { locateInLayers, type ValuesLayer } from './values-files';
import { mergeValuesFiles } from '../util/merge';

export const valuesRender: Check = { id: 'values-render', severity: 'error', description: 'The chart can render the values (as Helm would)' };

/** The release the chart's objects are rendered for when values come without a definition. */
export const DEFAULT_RELEASE = { name: 'calico', namespace: 'kube-system' };

export interface HandWrittenCluster {
  name: string;
  /** values files, lowest layer first */
  values: readonly ValuesLayer[];
  manifests: readonly ManifestObject[];
  capacity: ClusterCapacityHints;
}

export function handWrittenSource(cluster: HandWrittenCluster): ClusterSource {
  let values: Record<string, unknown> | undefined;
  let rendered: Rendering = { objects: [] };
  if (cluster.values.length > 0) {
    const merged = mergeValuesFiles(cluster.values.map((layer) => layer.document.data));
    values = effectiveValues(merged);
    rendered = render(merged, cluster);
  }
  const written = new Map<string, ManifestObject>();
  for (const manifest of cluster.manifests) if (!written.has(manifest.ref)) written.set(manifest.ref, manifest);
  return {
    input: { name: cluster.name, values, objects: [...rendered.objects, ...cluster.manifests.map((m) => m.object)], capacity: cluster.capacity },
    locate(object, path) {
      const manifest = written.get(object);
      if (manifest) return locateInManifest(manifest, path);
      return values === undefined ? undefined : locateInLayers(cluster.values, valuesPointerFor(object, path, values));
    },
    findings: rendered.failure ? [rendered.failure] : [],
    rendered: rendered.failure === undefined,
  };
}

interface Rendering {
  objects: KubeObject[];
  failure?: Finding;
}

/** The chart's objects for the values, through the chart emulation (charts-src/). */
function render(merged: Record<string, unknown>, cluster: HandWrittenCluster): Rendering {
  try {
    return { objects: synthManifests(merged, DEFAULT_RELEASE) };
  } catch (error) {
    const reason = describeError(error).split('\n')[0];
    return {
      objects: [],
      failure: {
        rule: valuesRender.id,
        severity: valuesRender.severity,
        cluster: cluster.name,
        object: 'values',
        path: '',
        message:
          `the chart cannot render these values (${reason}): Helm would fail as well; look for a values-schema finding, ` +
          'or a `~` that removes a map the chart reads (image, IPAMConfig, typha, calicoNode, kubeControllers, cni)',
        source: { file: cluster.values[cluster.values.length - 1]!.file },
      },
    };
  }
}
