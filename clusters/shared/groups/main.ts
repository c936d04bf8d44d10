/** The `main` group: the clusters serving production traffic, and their staging twins. */
import { defineLayer } from 'calico-gen';

export const mainGroup = defineLayer({
  group: 'main',
  globalNetworkPolicies: {
    'default-deny': {
      namespaceSelector: 'has(projectcalico.org/name) && projectcalico.org/name != "kube-system"',
      types: ['Ingress', 'Egress'],
    },
    'allow-all-icmp': {
      namespaceSelector: 'has(projectcalico.org/name) && projectcalico.org/name != "kube-system"',
      types: ['Ingress', 'Egress'],
      ingress: [{ action: 'Allow', protocol: 'ICMP' }, { action: 'Allow', protocol: 'ICMPv6' }],
      egress: [{ action: 'Allow', protocol: 'ICMP' }, { action: 'Allow', protocol: 'ICMPv6' }],
    },
    'allow-kube-dns': {
      namespaceSelector: 'has(projectcalico.org/name) && projectcalico.org/name != "kube-system"',
      types: ['Egress'],
      egress: [
        { action: 'Allow', protocol: 'UDP', destination: { services: { name: 'kube-dns', namespace: 'kube-system' } } },
        { action: 'Allow', protocol: 'TCP', destination: { services: { name: 'kube-dns', namespace: 'kube-system' } } },
      ],
    },
  },
  typha: { replicaCount: 3 },
  calicoNode: {
    resources: { requests: { cpu: '700m', memory: '1Gi' }, limits: { memory: null } },
  },
});
