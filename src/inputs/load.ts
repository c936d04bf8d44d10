/** Hand-written values files and Calico manifests, read and turned into clusters to validate. */
import * as path from 'node:path';
import type { Finding } from '../core/findings';
import { parseManifestFile, type ManifestObject } from './manifest-files';
import { readInputFile, type InputFile } from '../util/input-file';
import { hints, type ClusterSource } from '../validate/source';
import { handWrittenSource } from './sources';
import { parseValuesFile, type ValuesLayer } from './values-files';

export interface LoadedInputs {
  sources: ClusterSource[];
  /** problems reading the inputs (YAML syntax, files that are not Calico objects) */
  findings: Finding[];
}

/** One hand-written cluster's files, as a command line names them (shared files already prepended). */
export interface ClusterFiles {
  /** --cluster, when given */
  name?: string;
  /** values files, lowest layer first */
  values: string[];
  manifests: string[];
  expectedNodes?: number;
  maxPodsPerNode?: number;
}

export interface InputLimits {
  /** files larger than this are refused before they are read (default 256 MiB) */
  maxInputBytes?: number;
}

export function loadHandWritten(clusters: readonly ClusterFiles[], cwd: string, limits: InputLimits = {}): LoadedInputs {
  const findings: Finding[] = [];
  /** files that do not parse: a cluster built without one of its layers would only mislead */
  const broken = new Set<string>();
  // a file shared by several clusters is read and parsed once
  const once = <T>(flag: string, parse: (input: InputFile) => T) => {
    const parsed = new Map<string, T>();
    return (file: string): T => {
      const absolute = path.resolve(cwd, file);
      if (!parsed.has(absolute)) parsed.set(absolute, parse(readInputFile(file, cwd, flag, limits.maxInputBytes)));
      return parsed.get(absolute)!;
    };
  };
  const readValues = once('--values', (input): ValuesLayer | undefined => {
    const parsed = parseValuesFile(input);
    findings.push(...parsed.findings);
    if (!parsed.layer) broken.add(input.path);
    return parsed.layer;
  });
  const readManifests = once('--manifests', (input): ManifestObject[] => {
    const parsed = parseManifestFile(input);
    findings.push(...parsed.findings);
    if (parsed.findings.some((f) => f.rule === 'manifest-yaml')) broken.add(input.path);
    return parsed.objects;
  });
  const readable = clusters.filter((cluster) => {
    cluster.values.forEach(readValues);
    cluster.manifests.forEach(readManifests);
    return ![...cluster.values, ...cluster.manifests].some((file) => broken.has(path.resolve(cwd, file)));
  });
  const sources = readable.map((cluster) =>
    handWrittenSource({
      name: cluster.name ?? nameFromFiles(cluster, cwd),
      values: cluster.values.map(readValues).filter((layer): layer is ValuesLayer => layer !== undefined),
      manifests: cluster.manifests.flatMap(readManifests),
      capacity: hints(cluster.expectedNodes, cluster.maxPodsPerNode),
    }),
  );
  return { sources, findings };
}

/** helmfile keeps a cluster's values in `values/<cluster>/`: the folder of the last values file. */
function nameFromFiles(cluster: ClusterFiles, cwd: string): string {
  const last = cluster.values[cluster.values.length - 1];
  return last === undefined ? '' : path.basename(path.dirname(path.resolve(cwd, last)));
}
