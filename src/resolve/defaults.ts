import type { ClusterLayer } from '../model/definition';
import { chartDefaultValues as chart } from '../model/chart-defaults';
import { deepFreeze } from '../util/memo';

/**
 * The lowest layer under every definition: the chart's own defaults, read from the one place
 * they are written (src/values/chart-defaults.ts) and restated in the model, so that each
 * generated values file is complete.
 */
export const chartDefaults: ClusterLayer = deepFreeze({
  release: { name: 'calico', namespace: 'kube-system' },
  image: { repository: chart.image.repository, pullPolicy: chart.image.pullPolicy },
  ipPools: {},
  ipam: { ...chart.IPAMConfig },
  bgp: {
    // the chart leaves BGPConfiguration empty, which is Calico's mesh-on default
    nodeToNodeMesh: true,
    community: chart.GenericBGPCommunity as `${number}:${number}`,
    peers: [],
  },
  calicoNode: { imageName: chart.calicoNode.imageName, resources: chart.calicoNode.resources },
  typha: {
    imageName: chart.typha.imageName,
    replicaCount: chart.typha.replicaCount,
    shutdownTimeoutSeconds: chart.typha.shutdownTimeoutSeconds,
    resources: chart.typha.resources,
  },
  kubeControllers: { imageName: chart.kubeControllers.imageName, resources: chart.kubeControllers.resources },
  vethMtu: 'auto',
  ipv6Support: chart.IPv6Support,
  cniInstall: chart.cni.install,
  globalNetworkPolicies: {},
  capacity: {},
});
