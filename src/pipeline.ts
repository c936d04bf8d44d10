/**
 * The pipeline, step by step: load → resolve → synthesise → validate → render. Writing is the
 * caller's choice (synth writes, --check compares, review and diff only read).
 */
import { loadClusters } from './load/clusters';
import { resolveCluster, type ResolvedCluster } from './resolve/resolve';
import { synthesizeCluster, type SynthesizedCluster } from './synth/synthesize';
import { renderCluster } from './synth/render';
import { validateSynthesized } from './validate';
import type { Finding } from './validate/finding';
import type { ClusterFiles } from './write/files';

export interface FleetOptions {
  clustersDir: string;
  /** cluster names; every cluster when empty */
  only?: readonly string[];
}

export interface FleetSynthesis {
  clusters: SynthesizedCluster[];
  files: ClusterFiles[];
  findings: Finding[];
}

export function resolveFleet(options: FleetOptions): { resolved: ResolvedCluster[]; findings: Finding[] } {
  const resolved: ResolvedCluster[] = [];
  const findings: Finding[] = [];
  for (const loaded of loadClusters(options)) {
    const result = resolveCluster(loaded);
    if (result.ok) resolved.push(result.cluster);
    else findings.push(...result.findings);
  }
  return { resolved, findings };
}

export function synthesizeFleet(options: FleetOptions): FleetSynthesis {
  const { resolved, findings } = resolveFleet(options);
  const clusters = resolved.map(synthesizeCluster);
  findings.push(...validateSynthesized(clusters));
  const files = clusters.map((synthesized) => ({ cluster: synthesized.cluster.name, files: renderCluster(synthesized) }));
  return { clusters, files, findings };
}
