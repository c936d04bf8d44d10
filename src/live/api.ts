/** A cluster's live state through the Kubernetes API, from kubeconfig to objects. */
import type { KubeObject } from '../core/kube';
import { resolveKubeconfig, type KubeconfigOptions } from './kubeconfig';
import { readLiveCluster } from './reader';
import { ApiClient } from './transport';
import type { LiveState } from './types';

export interface ApiReadOptions extends KubeconfigOptions {
  cluster: string;
  desired: readonly KubeObject[];
  release: { name: string; namespace: string };
  readRelease: boolean;
  timeoutMs: number;
}

export async function readFromApi(options: ApiReadOptions): Promise<{ live: LiveState; warnings: string[] }> {
  const resolved = resolveKubeconfig(options);
  const label = `cluster ${options.cluster}, context ${resolved.context} (${resolved.server})`;
  const client = await ApiClient.connect(resolved, { timeoutMs: options.timeoutMs, label });
  const live = await readLiveCluster(client, { desired: options.desired, release: options.release, readRelease: options.readRelease });
  return { live: { ...live, source: `context ${resolved.context} (${resolved.server})` }, warnings: resolved.warnings };
}
