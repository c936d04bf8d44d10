/**
 * `diff`: what `helmfile apply` would change in each cluster. The definitions go through the
 * pipeline (objects kept), each cluster's live state is read (Kubernetes API, a saved dump, a
 * values file), and the pure comparison of src/diff runs on both. A cluster that cannot be read
 * is an outcome with its cause, so that the others complete.
 */
import * as path from 'node:path';
import { diffCluster } from '../diff/cluster';
import type { ClusterDiff } from '../diff/types';
import { readLiveFile } from '../live/dump';
import type { LiveState } from '../live/types';
import { readLiveValues } from '../live/values-file';
import type { SynthesizedCluster } from '../synth/synthesize';
import { IpamCollector, type IpamState } from '../ipam';
import { ipamRefusalsOf } from './diff-ipam';
import { eachCluster, type EachClusterOutcome, type EachClusterRun, type LiveRunOptions } from './each-cluster';
import { readIpamFromApi } from './live-ipam';

export interface DiffOptions extends LiveRunOptions {
  /** where the live state comes from: the Kubernetes API (default), or files */
  live?: LiveSource;
  /** show release values under sensitive keys (Secret data never shows) */
  showSecrets?: boolean;
}

export interface LiveSource {
  kubeconfig?: string;
  /** the kubeconfig context; the definition's kubeContext by default */
  context?: string;
  /** objects from a dump (`kubectl get -o yaml`) instead of the API */
  liveFile?: string;
  /** deployed values (`helm get values -o yaml`) instead of the release Secret */
  liveValues?: string;
  /** deadline of each API request (default 10 s) */
  timeoutMs?: number;
  /** larger files (dump, values, kubeconfig) are refused before they are read (default 256 MiB) */
  maxInputBytes?: number;
}

/** A cluster's diff, or why it could not be diffed: the one-line cause and the error itself. */
export type DiffOutcome = EachClusterOutcome<{ diff: ClusterDiff; warnings: string[] }>;

export type DiffRun = EachClusterRun<{ diff: ClusterDiff; warnings: string[] }>;

export { hasChanges, type ClusterOutcome } from '../diff/types';

export { blockedOutcomes, type ClusterRunProgress } from './each-cluster';

export async function diff(options: DiffOptions): Promise<DiffRun> {
  return eachCluster(options, (synthesized) => diffOne(synthesized, options));
}

async function diffOne(synthesized: SynthesizedCluster, options: DiffOptions): Promise<{ diff: ClusterDiff; warnings: string[] }> {
  const { live, ipam, warnings } = await readLive(synthesized, options);
  const ipamRefusals = ipam ? ipamRefusalsOf(ipam, synthesized) : undefined;
  return { diff: diffCluster({ synthesized, live, showSecrets: options.showSecrets ?? false, ...(ipamRefusals ? { ipamRefusals } : {}) }), warnings };
}

interface LiveRead {
  live: LiveState;
  /** the live IPAM state, when it was read (always through the API; from a dump that holds nodes and blocks) */
  ipam?: IpamState;
  warnings: string[];
}

async function readLive(synthesized: SynthesizedCluster, options: DiffOptions): Promise<LiveRead> {
  const { cluster } = synthesized;
  const source = options.live ?? {};
  const release = cluster.spec.release;
  const values = source.liveValues ? readLiveValues(source.liveValues, options.cwd, source.maxInputBytes) : undefined;
  const withValues = (live: LiveState) => (values === undefined ? live : { ...live, values });
  if (source.liveFile) {
    options.onProgress?.({ phase: 'dump', file: source.liveFile });
    const collector = new IpamCollector(cluster.name);
    const live = readLiveFile(source.liveFile, options.cwd, { desired: synthesized.manifests, release, maxInputBytes: source.maxInputBytes, state: (object, origin) => collector.add(object, origin) });
    const ipam = collector.finish();
    // a dump made without the IPAM kinds says nothing about them
    return { live: withValues(live), ...(ipam.kinds.has('Node') && ipam.kinds.has('IPAMBlock') ? { ipam } : {}), warnings: [] };
  }
  // the Kubernetes client loads only here: an offline diff never pays for it
  const { connect, readFromApi } = require('../live/api') as typeof import('../live/api');
  const connection = await connect({
    env: options.env,
    cwd: options.cwd,
    kubeconfig: source.kubeconfig,
    context: source.context,
    defaultContext: cluster.spec.kubeContext,
    definitionFile: path.relative(options.cwd, cluster.definitionFile) || cluster.definitionFile,
    cluster: cluster.name,
    timeoutMs: source.timeoutMs ?? 10_000,
    maxInputBytes: source.maxInputBytes,
  });
  const [live, ipam] = await Promise.all([
    readFromApi(connection, { desired: synthesized.manifests, release, readRelease: values === undefined }),
    readIpamFromApi(connection.client, cluster.name, release),
  ]);
  return { live: withValues(live), ipam, warnings: connection.warnings };
}
