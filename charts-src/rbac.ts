/** Service accounts and cluster roles the chart grants to Calico's components and to people. */
import { Construct } from 'constructs';
import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { chartLabels } from './context';
import { chartPart } from './part';
import { CALICO_GROUP } from '../src/core/calico';

const calicoGroup = CALICO_GROUP;
const read = ['get', 'list', 'watch'];
const write = ['create', 'update', 'patch', 'delete'];

const clusterRoles: Record<string, k8s.PolicyRule[]> = {
  'calico-node': [
    { apiGroups: [''], resources: ['pods', 'nodes', 'namespaces', 'serviceaccounts', 'endpoints', 'services', 'configmaps'], verbs: read },
    { apiGroups: [''], resources: ['nodes/status', 'pods/status'], verbs: ['patch', 'update'] },
    { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['list', 'watch'] },
    { apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'], verbs: ['watch', 'list'] },
    {
      apiGroups: [calicoGroup],
      resources: ['globalfelixconfigs', 'felixconfigurations', 'bgppeers', 'bgpfilters', 'globalbgpconfigs', 'bgpconfigurations', 'ippools', 'ipreservations', 'ipamblocks', 'globalnetworkpolicies', 'globalnetworksets', 'networkpolicies', 'networksets', 'clusterinformations', 'hostendpoints', 'blockaffinities', 'caliconodestatuses', 'tiers'],
      verbs: read,
    },
    { apiGroups: [calicoGroup], resources: ['blockaffinities', 'ipamblocks', 'ipamhandles'], verbs: [...read, ...write] },
    { apiGroups: [calicoGroup], resources: ['ipamconfigs'], verbs: ['get', 'create'] },
    { apiGroups: [calicoGroup], resources: ['caliconodestatuses'], verbs: ['update'] },
  ],
  'calico-kube-controllers': [
    { apiGroups: [''], resources: ['nodes'], verbs: read },
    { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] },
    { apiGroups: [calicoGroup], resources: ['ipreservations'], verbs: ['list'] },
    { apiGroups: [calicoGroup], resources: ['blockaffinities', 'ipamblocks', 'ipamhandles'], verbs: [...read, ...write] },
    { apiGroups: [calicoGroup], resources: ['ippools'], verbs: ['list', 'watch'] },
    { apiGroups: [calicoGroup], resources: ['ipamconfigs', 'clusterinformations'], verbs: ['get', 'create', 'update', 'watch'] },
    { apiGroups: [calicoGroup], resources: ['kubecontrollersconfigurations'], verbs: ['get', 'create', 'update', 'watch'] },
  ],
  'calico-cni-plugin': [
    { apiGroups: [''], resources: ['pods', 'nodes', 'namespaces'], verbs: ['get'] },
    { apiGroups: [''], resources: ['pods/status'], verbs: ['patch'] },
    { apiGroups: [calicoGroup], resources: ['blockaffinities', 'ipamblocks', 'ipamhandles', 'clusterinformations', 'ippools', 'ipreservations', 'ipamconfigs'], verbs: [...read, ...write] },
  ],
  'calico-tier-getter': [{ apiGroups: [calicoGroup], resources: ['tiers'], verbs: ['get'] }],
  'network-admin': [
    { apiGroups: [calicoGroup], resources: ['globalnetworkpolicies', 'globalnetworksets', 'networkpolicies', 'networksets', 'tiers'], verbs: [...read, ...write] },
  ],
  calicoctl: [
    { apiGroups: [''], resources: ['namespaces', 'nodes'], verbs: read },
    { apiGroups: [calicoGroup], resources: ['*'], verbs: read },
  ],
};

/** Who each role is bound to (service accounts in the release namespace, or a group of people). */
const bindings: Record<string, k8s.Subject[] | ((namespace: string) => k8s.Subject[])> = {
  'calico-node': (namespace) => [{ kind: 'ServiceAccount', name: 'calico-node', namespace }],
  'calico-kube-controllers': (namespace) => [{ kind: 'ServiceAccount', name: 'calico-kube-controllers', namespace }],
  'calico-cni-plugin': (namespace) => [{ kind: 'ServiceAccount', name: 'calico-node', namespace }],
  'calico-tier-getter': [{ kind: 'User', name: 'system:kube-controller-manager', apiGroup: 'rbac.authorization.k8s.io' }],
  'network-admin': [{ kind: 'Group', name: 'network-admins', apiGroup: 'rbac.authorization.k8s.io' }],
  calicoctl: [{ kind: 'Group', name: 'calicoctl-readers', apiGroup: 'rbac.authorization.k8s.io' }],
};

export interface RbacInput {
  namespace: string;
  labels: Record<string, string>;
}

export const rbacPart = chartPart<RbacInput>({
  id: 'rbac',
  input: (chart) => ({ namespace: chart.release.namespace, labels: chartLabels(chart) }),
  add(scope, id, { namespace, labels }) {
    const parent = new Construct(scope, id);
    for (const name of ['calico-node', 'calico-kube-controllers']) {
      new k8s.KubeServiceAccount(parent, `sa-${name}`, { metadata: { name, namespace, labels } });
    }
    for (const [name, rules] of Object.entries(clusterRoles)) {
      new k8s.KubeClusterRole(parent, `role-${name}`, { metadata: { name, labels }, rules });
      const subjects = bindings[name]!;
      new k8s.KubeClusterRoleBinding(parent, `binding-${name}`, {
        metadata: { name, labels },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name },
        subjects: typeof subjects === 'function' ? subjects(namespace) : subjects,
      });
    }
  },
});
