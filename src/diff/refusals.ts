/**
 * Changes the live system will refuse, or that break something on the way: found before
 * `helmfile apply` fails halfway. Each rule is a small unit with a stable id; a rule looks at
 * one compared pair (desired and live object) and the cluster around it.
 */
import type { KubeObject } from '../model/kube';
import type { Finding } from '../validate/finding';
import { CALICO_GROUP, groupOfApiVersion } from '../live/types';
import { canonicalAddress, cidrsOverlap } from './address';
import { canonicalJson } from './normalise';
import { hasOwnershipMetadata, type ReleaseOwnership, type ReleaseRef } from './ownership';
import type { ComparedPair } from './compare';
import type { ChangeAction } from './types';

export interface RefusalContext {
  release: ReleaseRef;
  ownership: ReleaseOwnership;
  /** every compared pair of the cluster: live pools a new pool must not overlap */
  pairs: readonly ComparedPair[];
}

export interface Refusal {
  path: string;
  message: string;
}

export interface RefusalRule {
  id: string;
  severity: 'error' | 'warning';
  description: string;
  /** `<group>/<Kind>`, e.g. `crd.projectcalico.org/IPPool` */
  kinds?: readonly string[];
  actions: readonly (ChangeAction | 'unchanged')[];
  check(pair: ComparedPair, context: RefusalContext): Refusal[];
}

const IPPOOL = `${CALICO_GROUP}/IPPool`;
const spec = (object: KubeObject | undefined): Record<string, unknown> => (object?.spec ?? {}) as Record<string, unknown>;
const name = (pair: ComparedPair) => (pair.desired ?? pair.live)!.metadata.name;

/** The block size Calico uses for a pool: as written, else 26 (IPv4) or 122 (IPv6). */
export function effectiveBlockSize(pool: KubeObject): number {
  const { blockSize, cidr } = spec(pool);
  if (typeof blockSize === 'number' && blockSize !== 0) return blockSize;
  return String(cidr ?? '').includes(':') ? 122 : 26;
}

const ippoolCidrChanged: RefusalRule = {
  id: 'ippool-cidr-changed',
  severity: 'error',
  description: "an existing IPPool's cidr changes in place",
  kinds: [IPPOOL],
  actions: ['update'],
  check(pair) {
    const from = String(spec(pair.live).cidr ?? '');
    const to = String(spec(pair.desired).cidr ?? '');
    if (canonicalAddress(from) === canonicalAddress(to)) return [];
    return [{
      path: '/spec/cidr',
      message: `cidr changes from ${from} to ${to}, but Calico forbids changing an IPPool's cidr in place: add a new pool with ${to}, migrate the workloads to it, then disable and remove pool ${name(pair)} (keep its old cidr meanwhile)`,
    }];
  },
};

const ippoolBlockSizeChanged: RefusalRule = {
  id: 'ippool-block-size-changed',
  severity: 'error',
  description: "an existing IPPool's blockSize changes in place",
  kinds: [IPPOOL],
  actions: ['update'],
  check(pair) {
    const from = effectiveBlockSize(pair.live!);
    const to = effectiveBlockSize(pair.desired!);
    if (from === to) return [];
    return [{
      path: '/spec/blockSize',
      message: `blockSize changes from ${from} to ${to}, but Calico forbids changing an IPPool's blockSize in place (existing IPAM blocks keep their size): add a new pool with blockSize ${to}, migrate the workloads to it, then disable and remove pool ${name(pair)}`,
    }];
  },
};

const ippoolOverlapsLivePool: RefusalRule = {
  id: 'ippool-overlaps-live-pool',
  severity: 'error',
  description: 'a new IPPool overlaps a pool that exists in the cluster',
  kinds: [IPPOOL],
  actions: ['create'],
  check(pair, context) {
    const cidr = String(spec(pair.desired).cidr ?? '');
    return context.pairs
      .filter((other) => other.live && other.live.kind === 'IPPool' && other !== pair && cidrsOverlap(cidr, String(spec(other.live).cidr ?? '')))
      .map((other) => ({
        path: '/spec/cidr',
        message: `new pool ${cidr} overlaps IPPool ${other.live!.metadata.name} (${String(spec(other.live).cidr)}) that exists in the cluster, and Calico refuses overlapping pools (Helm creates new objects before it removes old ones): choose a cidr outside ${String(spec(other.live).cidr)}, or remove that pool first`,
      }));
  },
};

const ippoolDeleteEnabled: RefusalRule = {
  id: 'ippool-delete-enabled',
  severity: 'warning',
  description: 'an IPPool that is still enabled leaves the desired state',
  kinds: [IPPOOL],
  actions: ['delete'],
  check(pair, context) {
    if (spec(pair.live).disabled === true) return [];
    const pool = `IPPool ${name(pair)} (${String(spec(pair.live).cidr)})`;
    const message = context.ownership.inRelease(pair.live!)
      ? `${pool} is enabled and Helm will delete it while pods may still hold its addresses: first set disabled: true, migrate the workloads, then remove it`
      : `${pool} is in no cluster definition and Helm does not own it, so it stays, enabled: Calico may give pods its addresses. Disable and delete it by hand (calicoctl patch ippool ${name(pair)} -p '{"spec":{"disabled":true}}', migrate, then delete)`;
    return [{ path: '/spec/disabled', message }];
  },
};

const selectorImmutable: RefusalRule = {
  id: 'workload-selector-changed',
  severity: 'error',
  description: "a workload's selector changes: Kubernetes refuses (field is immutable)",
  kinds: ['apps/Deployment', 'apps/DaemonSet', 'apps/StatefulSet', 'apps/ReplicaSet'],
  actions: ['update'],
  check(pair) {
    const from = spec(pair.live).selector;
    const to = spec(pair.desired).selector;
    if (canonicalJson(from) === canonicalJson(to)) return [];
    return [{
      path: '/spec/selector',
      message: `spec.selector changes from ${canonicalJson(from)} to ${canonicalJson(to)}, and Kubernetes refuses to change a ${pair.desired!.kind}'s selector (field is immutable): keep the old selector, or delete the ${pair.desired!.kind} before deploying`,
    }];
  },
};

const roleRefImmutable: RefusalRule = {
  id: 'binding-role-ref-changed',
  severity: 'error',
  description: "a (Cluster)RoleBinding's roleRef changes: Kubernetes refuses",
  kinds: ['rbac.authorization.k8s.io/ClusterRoleBinding', 'rbac.authorization.k8s.io/RoleBinding'],
  actions: ['update'],
  check(pair) {
    const from = (pair.live as Record<string, unknown>).roleRef;
    const to = (pair.desired as Record<string, unknown>).roleRef;
    if (canonicalJson(from) === canonicalJson(to)) return [];
    return [{
      path: '/roleRef',
      message: `roleRef changes from ${canonicalJson(from)} to ${canonicalJson(to)}, and Kubernetes refuses to change a binding's roleRef: give the new binding another name, or delete this one before deploying`,
    }];
  },
};

const helmOwnershipConflict: RefusalRule = {
  id: 'helm-ownership-conflict',
  severity: 'error',
  description: 'a desired object exists but belongs to no Helm release: Helm refuses to take it over',
  actions: ['update', 'unchanged'],
  check(pair, context) {
    const live = pair.live!;
    if (context.ownership.inRelease(live) || hasOwnershipMetadata(live, context.release)) return [];
    const { name: release, namespace } = context.release;
    const group = groupOfApiVersion(live.apiVersion);
    const target = `${live.kind.toLowerCase()}${group ? `.${group}` : ''}/${live.metadata.name}${live.metadata.namespace ? ` -n ${live.metadata.namespace}` : ''}`;
    return [{
      path: '/metadata',
      message: `exists in the cluster without Helm's ownership metadata, so helmfile apply stops with "invalid ownership metadata": let release ${release} adopt it (kubectl label ${target} app.kubernetes.io/managed-by=Helm; kubectl annotate ${target} meta.helm.sh/release-name=${release} meta.helm.sh/release-namespace=${namespace}) or delete it first`,
    }];
  },
};

const ipamConfigName: RefusalRule = {
  id: 'ipamconfig-not-default',
  severity: 'error',
  description: 'an IPAMConfig named other than `default`: Calico reads only `default`',
  kinds: [`${CALICO_GROUP}/IPAMConfig`],
  actions: ['create'],
  check(pair) {
    if (name(pair) === 'default') return [];
    return [{ path: '/metadata/name', message: `IPAMConfig is named ${JSON.stringify(name(pair))}, but Calico refuses any name but "default" and reads only that one: name it default` }];
  },
};

const CLUSTER_ONLY_BGP_FIELDS = ['nodeToNodeMeshEnabled', 'asNumber', 'serviceLoadBalancerIPs', 'serviceExternalIPs', 'serviceClusterIPs', 'nodeMeshPassword', 'nodeMeshMaxRestartTime'];

const bgpNodeConfigurationFields: RefusalRule = {
  id: 'bgpconfiguration-node-cluster-fields',
  severity: 'error',
  description: 'a per-node BGPConfiguration sets fields only `default` may set',
  kinds: [`${CALICO_GROUP}/BGPConfiguration`],
  actions: ['create', 'update'],
  check(pair) {
    if (name(pair) === 'default') return [];
    return CLUSTER_ONLY_BGP_FIELDS.filter((field) => spec(pair.desired)[field] !== undefined).map((field) => ({
      path: `/spec/${field}`,
      message: `BGPConfiguration ${name(pair)} is a per-node configuration and Calico refuses ${field} on it: set ${field} in BGPConfiguration default`,
    }));
  },
};

export const refusalRules: readonly RefusalRule[] = [
  ippoolCidrChanged,
  ippoolBlockSizeChanged,
  ippoolOverlapsLivePool,
  ippoolDeleteEnabled,
  selectorImmutable,
  roleRefImmutable,
  helmOwnershipConflict,
  ipamConfigName,
  bgpNodeConfigurationFields,
];

export function checkRefusals(cluster: string, context: RefusalContext, rules: readonly RefusalRule[] = refusalRules): Finding[] {
  const findings: Finding[] = [];
  for (const pair of context.pairs) {
    const subject = (pair.desired ?? pair.live)!;
    const kind = `${groupOfApiVersion(subject.apiVersion)}/${subject.kind}`;
    for (const rule of rules) {
      if (!rule.actions.includes(pair.action) || (rule.kinds && !rule.kinds.includes(kind))) continue;
      for (const refusal of rule.check(pair, context)) {
        findings.push({ rule: rule.id, severity: rule.severity, cluster, object: `${subject.kind}/${subject.metadata.name}`, path: refusal.path, message: refusal.message });
      }
    }
  }
  return findings;
}
