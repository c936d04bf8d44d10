import type { ClusterLayer } from '../model/definition';

/**
 * The lowest layer under every definition: the chart's own defaults (calico chart 0.5.2,
 * appVersion 3.30.7), restated in the model so that each generated values file is complete.
 */
export const chartDefaults: ClusterLayer = {
  release: { name: 'calico', namespace: 'kube-system' },
  image: { repository: 'docker-registry.wikimedia.org', pullPolicy: 'IfNotPresent' },
  ipPools: {},
  ipam: { strictAffinity: false, autoAllocateBlocks: true, maxBlocksPerHost: 0 },
  bgp: {
    nodeToNodeMesh: true,
    community: '14907:14',
    peers: [],
  },
  calicoNode: {
    imageName: 'calico/node',
    resources: { requests: { cpu: '350m', memory: '400Mi' }, limits: { memory: '400Mi' } },
  },
  typha: {
    imageName: 'calico/typha',
    replicaCount: 1,
    shutdownTimeoutSeconds: 300,
    resources: { requests: { cpu: '150m', memory: '150Mi' }, limits: { cpu: '150m', memory: '150Mi' } },
  },
  kubeControllers: {
    imageName: 'calico/kube-controllers',
    resources: { requests: { cpu: '150m', memory: '150Mi' }, limits: { cpu: '150m', memory: '150Mi' } },
  },
  vethMtu: 'auto',
  ipv6Support: true,
  cniInstall: false,
  globalNetworkPolicies: {},
  capacity: {},
};
