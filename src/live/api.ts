/** A cluster's live state through the Kubernetes API, from kubeconfig to objects. */
import type { KubeObject } from '../core/kube';
import { resolveKubeconfig, type KubeconfigOptions } from './kubeconfig';
import { readLiveCluster } from './reader';
import { ApiClient } from './transport';
import type { LiveState } from './types';

export interface ConnectOptions extends KubeconfigOptions {
  cluster: string;
  timeoutMs: number;
}

export interface Connection {
  client: ApiClient;
  /** for people: `context ams-main (https://10.0.0.1:6443)` */
  source: string;
  /** kubeconfig settings that weaken security (skipped TLS verification) */
  warnings: string[];
}

/** Resolves the kubeconfig and authenticates; nothing is read yet. */
export async function connect(options: ConnectOptions): Promise<Connection> {
  const resolved = resolveKubeconfig(options);
  const label = `cluster ${options.cluster}, context ${resolved.context} (${resolved.server})`;
  const client = await ApiClient.connect(resolved, { timeoutMs: options.timeoutMs, label });
  return { client, source: `context ${resolved.context} (${resolved.server})`, warnings: resolved.warnings };
}

export interface ApiReadOptions {
  desired: readonly KubeObject[];
  release: { name: string; namespace: string };
  readRelease: boolean;
}

export async function readFromApi(connection: Connection, options: ApiReadOptions): Promise<LiveState> {
  const live = await readLiveCluster(connection.client, { desired: options.desired, release: options.release, readRelease: options.readRelease });
  return { ...live, source: connection.source };
}
