/**
 * One cluster through every per-cluster stage, reduced to plain data that a worker thread can
 * send back and the cache can store: rendered files, the cluster's own findings, and the facts the
 * fleet rules need. Nothing of the cluster's objects is kept, so a fleet's memory stays flat.
 */
import { contentHash } from '../util/hash';
import type { LoadedCluster } from '../load/clusters';
import { resolveCluster } from '../resolve/resolve';
import type { Finding } from '../core/findings';
import { validateClusterAlone } from '../validate';
import type { FleetFacts } from '../validate/rules/fleet/facts';
import { renderCluster, type RenderedFiles } from './render';
import { synthesizeCluster } from './synthesize';

export interface ClusterRecord {
  cluster: string;
  definitionFile: string;
  /** absolute paths of the definition and every module it imports */
  dependencies: string[];
  /** the rendered files; absent when the definition did not resolve, or read back from the cache */
  files?: RenderedFiles;
  /** sha256 of each rendered file, to compare with generated/ without reading the content again */
  fileHashes?: Record<string, string>;
  /** the output folder held exactly these files when the record was made (never cached) */
  alreadyWritten?: true;
  /** findings about this cluster alone: definition, schemas, object and cluster rules */
  findings: Finding[];
  /** what the fleet rules need; undefined when the definition did not resolve */
  facts?: FleetFacts;
}

export function recordCluster(loaded: LoadedCluster, definitionFile: string): ClusterRecord {
  const base = { cluster: loaded.name, definitionFile, dependencies: loaded.dependencies };
  const resolved = resolveCluster(loaded);
  if (!resolved.ok) return { ...base, findings: resolved.findings };
  const synthesized = synthesizeCluster(resolved.cluster);
  const { findings, facts } = validateClusterAlone(synthesized);
  const files = renderCluster(synthesized);
  const fileHashes = Object.fromEntries(Object.entries(files).map(([name, content]) => [name, contentHash(content)]));
  return { ...base, files, fileHashes, findings, facts };
}
