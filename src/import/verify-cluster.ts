/**
 * Before writing anything, import runs each cluster's model layers through the pipeline up to its
 * values, exactly as `synth` will (merged, checked against the definition schema), and compares
 * the values with those helmfile layered. What does not hold is a problem located in the values tree.
 */
import type { ClusterLayer } from '../model/definition';
import { defineCluster } from '../model/define';
import { runPipeline } from '../pipeline';
import { formatValuePath } from '../util/value-paths';
import { problemAt, type ComposedLayer } from './compose';
import type { ImportProblem } from './errors';
import type { MappedLayer } from './mapper';
import { compareChartValues } from './verify';

/** A cluster as import will write it: its layers (fleet, group, its own) and the values helmfile layers. */
export interface ClusterToVerify {
  name: string;
  layers: MappedLayer[];
  /** the chart keys of every file the cluster layers, merged as Helm merges `-f` files */
  layeredValues: Record<string, unknown>;
}

/** model keys whose values key has another name, for messages about keys no file sets */
const VALUES_KEY: Record<string, string> = {
  '/bgp/asNumber': 'BGPConfiguration.asNumber',
  '/bgp/nodeToNodeMesh': 'BGPConfiguration.nodeToNodeMeshEnabled',
  '/bgp/peerAsNumber': 'PeerAS',
  '/bgp/asLoop': 'ASLoop',
  '/bgp/community': 'GenericBGPCommunity',
  '/calicoVersion': 'image.tag',
  '/vethMtu': 'veth_mtu',
  '/ipv6Support': 'IPv6Support',
  '/cniInstall': 'cni.install',
};

export async function verifyClusters(clusters: readonly ClusterToVerify[]): Promise<ImportProblem[]> {
  const definitions = clusters.map((cluster) => ({
    name: cluster.name,
    file: `${cluster.name}.ts`,
    definition: defineCluster(...(cluster.layers.map((layer) => layer.model) as [ClusterLayer, ClusterLayer & { name: string }])),
    dependencies: [],
  }));
  const run = await runPipeline({ definitions, until: 'values', keepObjects: true });
  return clusters.flatMap((cluster, index) => {
    const result = run.clusters[index]!;
    if (!result.kept) return result.findings.map((finding) => locateModelProblem(cluster.layers, finding.path, `${finding.message} (model key ${finding.path})`));
    return valueProblems(cluster, result.kept.values as unknown as Record<string, unknown>);
  });
}

function valueProblems(cluster: ClusterToVerify, emitted: Record<string, unknown>): ImportProblem[] {
  const everyFile: ComposedLayer = { data: cluster.layeredValues, files: cluster.layers.flatMap((layer) => layer.source.files) };
  return compareChartValues(cluster.layeredValues, emitted).map((mismatch) =>
    problemAt(
      everyFile,
      mismatch.path,
      `cluster ${cluster.name}: calico-gen would synthesise ${show(mismatch.actual)} where the values tree gives ${show(mismatch.expected)}; the model cannot reproduce ${formatValuePath(mismatch.path)}`,
    ),
  );
}

/**
 * The values key behind a model key: the highest layer that set exactly it; for a key no layer
 * set (a required one), the values key to add; otherwise the nearest parent a layer set.
 */
function locateModelProblem(layers: MappedLayer[], modelPointer: string, message: string): ImportProblem {
  const top = layers[layers.length - 1]!.source;
  const exact = [...layers].reverse().find((layer) => layer.provenance.has(modelPointer));
  if (exact) return problemAt(exact.source, exact.provenance.get(modelPointer)!, message);
  const valuesKey = VALUES_KEY[modelPointer];
  if (valuesKey) return { file: top.files[top.files.length - 1]!.file, keyPath: valuesKey, message: `${message}: no file sets ${valuesKey}` };
  let best: { layer: MappedLayer; key: string } | undefined;
  for (const layer of layers) {
    for (const key of layer.provenance.keys()) {
      if (modelPointer.startsWith(`${key}/`) && (!best || key.length >= best.key.length)) best = { layer, key };
    }
  }
  if (best) return problemAt(best.layer.source, best.layer.provenance.get(best.key)!, message);
  return problemAt(top, [], message);
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}
