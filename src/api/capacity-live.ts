/**
 * `capacity --live` and `capacity --live-file`: each cluster's declared pool arithmetic beside what
 * its live IPAM state shows (blocks claimed and free, nodes that can still join, leftovers). The
 * clusters are read a few at a time; one that cannot be read is an outcome with its cause, so
 * that the others complete.
 */
import * as path from 'node:path';
import { poolCapacity, type PoolCapacity } from '../core/capacity';
import { summarise, type Finding, type FindingsReport } from '../core/findings';
import { kindKey } from '../core/kube';
import { CALICO_GROUP } from '../core/calico';
import { analyseLiveIpam, poolGeometry, type IpamState, type PoolGeometry } from '../ipam';
import type { SynthesizedCluster } from '../synth/synthesize';
import { clusterCapacity } from '../validate/capacity';
import { definitionSource } from '../validate/source';
import type { LiveCapacity, LiveCapacityOutcome } from '../report/capacity-live';
import { eachCluster, type EachClusterRun, type LiveRunOptions } from './each-cluster';
import { readIpamFile, readIpamFromApi } from './live-ipam';

export interface LiveCapacityOptions extends LiveRunOptions {
  /** a dump instead of the API (one cluster only) */
  liveFile?: string;
  kubeconfig?: string;
  /** the kubeconfig context; the definition's kubeContext by default (one cluster only) */
  context?: string;
  /** deadline of each API request (default 10 s) */
  timeoutMs?: number;
  /** larger files (dump, kubeconfig) are refused before they are read (default 256 MiB) */
  maxInputBytes?: number;
}

export type { LiveCapacity, LiveCapacityOutcome } from '../report/capacity-live';
export { blockedOutcomes, type ClusterRunProgress } from './each-cluster';

export type LiveCapacityRun = EachClusterRun<LiveCapacity>;

export async function liveCapacity(options: LiveCapacityOptions): Promise<LiveCapacityRun> {
  return eachCluster({ ...options, until: 'synth' }, (synthesized) => readOne(synthesized, options));
}

/** The findings of every cluster that was read. */
export function liveFindingsOf(outcomes: readonly LiveCapacityOutcome[]): FindingsReport {
  return summarise(outcomes.flatMap((outcome): Finding[] => ('analysis' in outcome ? outcome.analysis.findings : [])));
}

async function readOne(synthesized: SynthesizedCluster, options: LiveCapacityOptions): Promise<LiveCapacity> {
  const { cluster } = synthesized;
  const read = options.liveFile ? fromFile(options.liveFile, options, cluster.name) : await readFromApi(synthesized, options);
  return { cluster: cluster.name, ...figure(synthesized, read.state), source: read.source, warnings: read.warnings };
}

function fromFile(file: string, options: LiveCapacityOptions, cluster: string): { state: IpamState; source: string; warnings: string[] } {
  options.onProgress?.({ phase: 'dump', file });
  const { state, shown } = readIpamFile(file, options.cwd, cluster, options.maxInputBytes);
  return { state, source: `file ${shown}`, warnings: [] };
}

async function readFromApi(synthesized: SynthesizedCluster, options: LiveCapacityOptions): Promise<{ state: IpamState; source: string; warnings: string[] }> {
  const { cluster } = synthesized;
  // the Kubernetes client loads only here
  const { connect } = require('../live/api') as typeof import('../live/api');
  const connection = await connect({
    env: options.env,
    cwd: options.cwd,
    kubeconfig: options.kubeconfig,
    context: options.context,
    defaultContext: cluster.spec.kubeContext,
    definitionFile: path.relative(options.cwd, cluster.definitionFile) || cluster.definitionFile,
    cluster: cluster.name,
    timeoutMs: options.timeoutMs ?? 10_000,
    maxInputBytes: options.maxInputBytes,
  });
  const state = await readIpamFromApi(connection.client, cluster.name, cluster.spec.release);
  return { state, source: connection.source, warnings: connection.warnings };
}

/** The declared arithmetic of the definition's pools, and the live figures of the same pools (by name) as the cluster has them. */
function figure(synthesized: SynthesizedCluster, state: IpamState): Pick<LiveCapacity, 'capacity' | 'liveOnlyPools' | 'analysis'> {
  const declared = clusterCapacity(definitionSource(synthesized).input);
  const geometries = new Map(synthesized.manifests.filter((object) => kindKey(object) === `${CALICO_GROUP}/IPPool`).flatMap((object) => {
    const geometry = poolGeometry(object);
    return geometry ? [[geometry.name, geometry] as const] : [];
  }));
  // the live figures are of the pools as Calico has them now; a pool not created yet, as defined
  const livePools = new Map(state.pools.map((pool) => [pool.name, pool]));
  const defined = declared.pools.flatMap((pool) => livePools.get(pool.name) ?? geometries.get(pool.name) ?? []);
  const liveOnly = state.pools.filter((pool) => !geometries.has(pool.name));
  const extra: PoolCapacity[] = liveOnly.map((pool: PoolGeometry) => poolCapacity(pool, declared.maxPodsPerNode, declared.strictAffinity));
  const analysis = analyseLiveIpam(state, {
    cluster: synthesized.cluster.name,
    pools: [...defined, ...liveOnly],
    ...(declared.expectedNodes !== undefined ? { expectedNodes: declared.expectedNodes } : {}),
  });
  return { capacity: { ...declared, pools: [...declared.pools.filter((pool) => geometries.has(pool.name)), ...extra] }, liveOnlyPools: liveOnly.map((pool) => pool.name), analysis };
}
