/** Fields Kubernetes refuses to change on an existing object ("field is immutable"). */
import { canonicalJson } from '../normalise';
import { spec, type Refusal } from './refusal';

export const selectorImmutable: Refusal = {
  id: 'workload-selector-changed',
  severity: 'error',
  basis: 'change',
  description: "A workload's selector changes: Kubernetes refuses (field is immutable)",
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

export const roleRefImmutable: Refusal = {
  id: 'binding-role-ref-changed',
  severity: 'error',
  basis: 'change',
  description: "A (Cluster)RoleBinding's roleRef changes: Kubernetes refuses",
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

