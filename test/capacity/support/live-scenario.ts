// The 200-node scenario of test/support/ipam as the example cluster ams-main's live IPAM state,
// with the calico-node DaemonSet the release deployed (its image gives the running Calico version).
import type { KubeObject } from '../../../src/core/kube';
import { scenarioCluster } from '../../support/ipam/presets';
import type { GeneratedIpamCluster } from '../../support/ipam/cluster';
import { desiredCluster } from '../../live/support/planted';

export const CLUSTER = 'ams-main';

export interface LiveScenario {
  generated: GeneratedIpamCluster;
  /** the IPAM objects, then the calico-node DaemonSet */
  objects: KubeObject[];
}

export async function liveScenario(): Promise<LiveScenario> {
  const generated = scenarioCluster();
  const desired = await desiredCluster(CLUSTER);
  const calicoNode = desired.manifests.find((object) => object.kind === 'DaemonSet' && object.metadata.name === 'calico-node');
  if (!calicoNode) throw new Error('the example cluster has no calico-node DaemonSet');
  return { generated, objects: [...(generated.objects as KubeObject[]), structuredClone(calicoNode)] };
}

/** `kubectl get` arguments for the IPAM state, as docs/commands/capacity.md has the dump made. */
export const IPAM_KINDS = ['nodes', ...['ippools', 'ipamblocks', 'blockaffinities', 'ipamhandles', 'ipamconfigs'].map((plural) => `${plural}.crd.projectcalico.org`)].join(',');

/** A capacity JSON document without where each cluster was read from: what must not differ between sources. */
export function withoutSource(document: { clusters: Record<string, unknown>[] }): unknown {
  return { ...document, clusters: document.clusters.map(({ source: _source, ...rest }) => rest) };
}
