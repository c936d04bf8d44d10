/** The `ml` group: GPU clusters serving models; few, large nodes. */
import { defineLayer } from 'calico-gen';

export const mlGroup = defineLayer({
  group: 'ml',
  globalNetworkPolicies: {
    'default-deny': {
      namespaceSelector: 'has(projectcalico.org/name) && projectcalico.org/name != "kube-system"',
      types: ['Ingress', 'Egress'],
    },
  },
  typha: {
    replicaCount: 2,
    // only the control-plane nodes are free of GPU work: typha runs there
    tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
    nodeSelector: { 'node-role.kubernetes.io/control-plane': '' },
  },
  capacity: { maxPodsPerNode: 60 },
});
