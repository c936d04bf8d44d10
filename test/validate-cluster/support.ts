/** Building clusters for rule tests the way the CLI builds them from hand-written inputs. */
import type { KubeObject } from '../../src/core/kube';
import type { ClusterInput } from '../../src/validate/rules/cluster/input';
import { hints, type ClusterSource } from '../../src/validate/source';
import { handWrittenSource } from '../../src/inputs/sources';
import type { ManifestObject } from '../../src/inputs/manifest-files';
import type { ClusterRule } from '../../src/validate/rule';
import type { Hit } from '../../src/core/findings';
import { refOf } from '../../src/validate/rules/cluster/view';

/** A small dual-stack cluster as the real fleet writes it: mesh off, strict affinity, one router. */
export function baseValues(): Record<string, unknown> {
  return {
    BGPConfiguration: { asNumber: 64601, nodeToNodeMeshEnabled: false },
    PeerAS: 65000,
    ASLoop: 1,
    BGPPeers: {
      'cr1-ams': { ipv4: '192.0.2.1', ipv6: '2001:db8:ffff::1', nodeSelector: "topology.kubernetes.io/region == 'ams'" },
    },
    IPPools: { ipv4: { cidr: '10.64.0.0/17' }, ipv6: { cidr: '2001:db8:a00:c000::/64' } },
    IPAMConfig: { strictAffinity: true },
  };
}

export interface ClusterOptions {
  name?: string;
  manifests?: KubeObject[];
  expectedNodes?: number;
  maxPods?: number;
}

export function sourceOf(values: Record<string, unknown> | undefined, options: ClusterOptions = {}): ClusterSource {
  return handWrittenSource({
    name: options.name ?? 'test',
    values: values === undefined ? [] : [{ file: 'values.yaml', document: { data: values, positions: new Map() } }],
    manifests: (options.manifests ?? []).map(manifest),
    capacity: hints(options.expectedNodes, options.maxPods),
  });
}

export function clusterOf(values: Record<string, unknown> | undefined, options: ClusterOptions = {}): ClusterInput {
  return sourceOf(values, options).input;
}

function manifest(object: KubeObject): ManifestObject {
  return { object, ref: refOf(object), file: 'manifests.yaml', document: { data: object, positions: new Map() }, base: '' };
}

/** `values` with the given top-level keys replaced (a shallow layer on top, as a later file would). */
export function withValues(overrides: Record<string, unknown>): Record<string, unknown> {
  return { ...baseValues(), ...overrides };
}

export function hitsOf(rule: ClusterRule, cluster: ClusterInput): Hit[] {
  return rule.check(cluster);
}

export function calico(kind: string, name: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'crd.projectcalico.org/v1', kind, metadata: { name }, spec };
}
