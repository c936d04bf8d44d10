/**
 * Before writing anything, import merges each cluster's model layers exactly as `synth` will,
 * checks them against the definition schema and compares the values they synthesise with the
 * values helmfile layered. What does not hold is a problem located in the values tree.
 */
import type { ClusterSpec } from '../model/definition';
import { chartDefaults } from '../resolve/defaults';
import { describeSchemaErrors, schemaValidator } from '../core/schemas';
import { mergeLayers } from '../util/merge';
import { emitValues } from '../values/emit';
import { formatValuePath } from '../util/value-paths';
import { problemAt, type ComposedLayer } from './compose';
import type { ImportProblem } from './errors';
import type { ImportedCluster } from './import';
import type { MappedLayer } from './mapper';
import { compareChartValues } from './verify';

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

export function verifyCluster(cluster: ImportedCluster, fleet: MappedLayer, group: MappedLayer): ImportProblem[] {
  const layers = [fleet, group, cluster.layer];
  const merged = mergeLayers([chartDefaults, ...layers.map((layer) => layer.model)]);
  const validate = schemaValidator('cluster-definition.schema.json');
  if (!validate(merged)) {
    return describeSchemaErrors(validate.errors).map((violation) => locateModelProblem(layers, violation.path, `${violation.message} (model key ${violation.path})`));
  }
  const emitted = emitValues(merged as unknown as ClusterSpec) as unknown as Record<string, unknown>;
  const everyFile: ComposedLayer = { data: cluster.layeredValues, files: layers.flatMap((layer) => layer.source.files) };
  return compareChartValues(cluster.layeredValues, emitted).map((mismatch) =>
    problemAt(
      everyFile,
      mismatch.path,
      `cluster ${cluster.layout.name}: calico-gen would synthesise ${show(mismatch.actual)} where the values tree gives ${show(mismatch.expected)}; the model cannot reproduce ${formatValuePath(mismatch.path)}`,
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
