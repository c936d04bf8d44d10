/** Turns a command line's input selection into clusters to validate. */
import * as path from 'node:path';
import { listClusterFiles } from '../../load/clusters';
import { resolveFleet } from '../../pipeline';
import { synthesizeCluster, type SynthesizedCluster } from '../../synth/synthesize';
import type { Finding } from '../finding';
import { fleetFactsOf, type FleetFacts } from '../rules/fleet/facts';
import type { ClusterFiles } from './command-line';
import { parseManifestFile, type ManifestObject } from './manifest-files';
import { readInputFile } from './read-file';
import { definitionSource, handWrittenSource, hints, type ClusterSource } from './sources';
import { parseValuesFile, type ValuesLayer } from './values-files';

export interface LoadedInputs {
  sources: ClusterSource[];
  /** problems reading the inputs (YAML syntax, definitions that do not resolve) */
  findings: Finding[];
  /** the rest of the fleet, for the fleet rules */
  fleet: FleetFacts[];
}

export function loadDefinitions(clustersDir: string, only: readonly string[]): LoadedInputs & { synthesized: SynthesizedCluster[] } {
  const { resolved, findings } = resolveFleet({ clustersDir, only });
  const synthesized = resolved.map(synthesizeCluster);
  return { sources: synthesized.map(definitionSource), findings, fleet: only.length > 0 ? otherDefinitionsFacts(clustersDir, only) : [], synthesized };
}

/**
 * Facts of the clusters not selected. Each is loaded on its own, so that a broken definition
 * elsewhere does not stop `--cluster X`; it only leaves X unchecked against that one cluster.
 * This is where a facts cache (keyed by each definition's dependencies) would go.
 */
function otherDefinitionsFacts(clustersDir: string, only: readonly string[]): FleetFacts[] {
  const facts: FleetFacts[] = [];
  for (const name of listClusterFiles(clustersDir).keys()) {
    if (only.includes(name)) continue;
    try {
      for (const cluster of resolveFleet({ clustersDir, only: [name] }).resolved) {
        const source = definitionSource(synthesizeCluster(cluster));
        facts.push(fleetFactsOf(source.input, source.locate));
      }
    } catch {
      // reported when that cluster itself is validated
    }
  }
  return facts;
}

export function loadHandWritten(clusters: readonly ClusterFiles[], cwd: string): LoadedInputs {
  const findings: Finding[] = [];
  const valuesCache = new Map<string, ValuesLayer | undefined>();
  const manifestCache = new Map<string, ManifestObject[]>();
  const readValues = (file: string): ValuesLayer | undefined => {
    const input = readInputFile(file, cwd, '--values');
    if (!valuesCache.has(input.path)) {
      const parsed = parseValuesFile(input);
      findings.push(...parsed.findings);
      valuesCache.set(input.path, parsed.layer);
    }
    return valuesCache.get(input.path);
  };
  const readManifests = (file: string): ManifestObject[] => {
    const input = readInputFile(file, cwd, '--manifests');
    if (!manifestCache.has(input.path)) {
      const parsed = parseManifestFile(input);
      findings.push(...parsed.findings);
      manifestCache.set(input.path, parsed.objects);
    }
    return manifestCache.get(input.path)!;
  };
  const sources = clusters.map((cluster) =>
    handWrittenSource({
      name: cluster.name ?? nameFromFiles(cluster, cwd),
      values: cluster.values.map(readValues).filter((layer): layer is ValuesLayer => layer !== undefined),
      manifests: cluster.manifests.flatMap(readManifests),
      capacity: hints(cluster.expectedNodes, cluster.maxPodsPerNode),
    }),
  );
  return { sources, findings, fleet: [] };
}

/** helmfile keeps a cluster's values in `values/<cluster>/`: the folder of the last values file. */
function nameFromFiles(cluster: ClusterFiles, cwd: string): string {
  const last = cluster.values[cluster.values.length - 1];
  return last === undefined ? '' : path.basename(path.dirname(path.resolve(cwd, last)));
}
