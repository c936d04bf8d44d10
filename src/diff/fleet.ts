/**
 * Diffing clusters against their live state: read each (API, dump or saved values), compare, and
 * turn a cluster that cannot be read into an outcome with its cause, so that the others complete.
 */
import * as path from 'node:path';
import type { SynthesizedCluster } from '../synth/synthesize';
import type { ClusterOutcome } from '../report/diff';
import { diffCluster } from './cluster';
import { mapBounded } from '../live/concurrency';
import { readLiveFile } from '../live/dump';
import { readLiveValues } from '../live/values-file';
import type { LiveState } from '../live/types';
import { oneLineError } from '../util/errors';

export interface DiffIo {
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface DiffOptions {
  kubeconfig?: string;
  context?: string;
  liveFile?: string;
  liveValues?: string;
  showSecrets: boolean;
  timeoutMs: number;
  debug: boolean;
}

/** Every cluster, a few at a time; one that fails is an outcome with its cause, unless it is the only one. */
export async function diffClusters(clusters: SynthesizedCluster[], concurrency: number, single: boolean, options: DiffOptions, io: DiffIo): Promise<ClusterOutcome[]> {
  const settled = await mapBounded(clusters, concurrency, (synthesized) => diffOne(synthesized, options, io));
  return settled.map((result, i) => {
    const cluster = clusters[i]!.cluster.name;
    if (result.status === 'fulfilled') return { cluster, diff: result.value };
    if (single) throw result.reason;
    if (options.debug) io.stderr.write(`${(result.reason as Error)?.stack ?? String(result.reason)}\n`);
    return { cluster, error: oneLineError(result.reason, options.debug) };
  });
}

async function diffOne(synthesized: SynthesizedCluster, options: DiffOptions, io: DiffIo) {
  const live = await readLive(synthesized, options, io);
  return diffCluster({ synthesized, live, showSecrets: options.showSecrets });
}

async function readLive(synthesized: SynthesizedCluster, options: DiffOptions, io: DiffIo): Promise<LiveState> {
  const { cluster } = synthesized;
  const release = cluster.spec.release;
  const values = options.liveValues ? readLiveValues(options.liveValues, io.cwd) : undefined;
  let live: LiveState;
  if (options.liveFile) {
    live = readLiveFile(options.liveFile, io.cwd, { desired: synthesized.manifests, release });
  } else {
    // the Kubernetes client loads only here: an offline diff never pays for it
    const { readFromApi } = require('../live/api') as typeof import('../live/api');
    const read = await readFromApi({
      env: io.env,
      cwd: io.cwd,
      kubeconfig: options.kubeconfig,
      context: options.context,
      defaultContext: cluster.spec.kubeContext,
      definitionFile: path.relative(io.cwd, cluster.definitionFile) || cluster.definitionFile,
      cluster: cluster.name,
      desired: synthesized.manifests,
      release,
      readRelease: values === undefined,
      timeoutMs: options.timeoutMs,
    });
    for (const warning of read.warnings) io.stderr.write(`calico-gen: warning: ${warning}\n`);
    live = read.live;
  }
  return values === undefined ? live : { ...live, values };
}

