/**
 * Stage 3a, values: a resolved cluster → the chart's values (`calico-values.yaml`), complete so
 * that the release needs no other Calico values file.
 */
import type { ClusterSpec, ComponentSettings, IpPool, Resources, ScheduledComponentSettings } from '../model/definition';
import type { CalicoValues, ComponentValues, IpPoolValues, ResourcesValues } from '../model/chart-values';
import { chartDefaultValues } from '../model/chart-defaults';
import { compareStrings } from '../util/compare';

export function emitValues(spec: ClusterSpec): CalicoValues {
  return {
    image: { repository: spec.image.repository, tag: spec.calicoVersion, pullPolicy: spec.image.pullPolicy },
    BGPConfiguration: bgpConfiguration(spec),
    GenericBGPCommunity: spec.bgp.community,
    PeerAS: spec.bgp.peerAsNumber,
    ASLoop: spec.bgp.asLoop,
    BGPPeers: Object.fromEntries(
      [...spec.bgp.peers]
        .sort((a, b) => compareStrings(a.name, b.name))
        .map((router) => [router.name, { ipv4: router.ipv4, ipv6: router.ipv6, nodeSelector: router.nodeSelector }]),
    ),
    IPPools: Object.fromEntries(sortedEntries(spec.ipPools).map(([name, pool]) => [name, ipPoolValues(pool)])),
    IPAMConfig: {
      autoAllocateBlocks: spec.ipam.autoAllocateBlocks,
      maxBlocksPerHost: spec.ipam.maxBlocksPerHost,
      strictAffinity: spec.ipam.strictAffinity,
    },
    GlobalNetworkPolicies: Object.fromEntries(sortedEntries(spec.globalNetworkPolicies)),
    IPv6Support: spec.ipv6Support,
    bpf: {},
    veth_mtu: spec.vethMtu === 'auto' ? '0' : String(spec.vethMtu),
    typha: {
      ...componentValues(spec.typha, chartDefaultValues.typha.resources),
      replicaCount: spec.typha.replicaCount,
      shutdownTimeoutSeconds: spec.typha.shutdownTimeoutSeconds,
    },
    calicoNode: componentValues(spec.calicoNode, chartDefaultValues.calicoNode.resources),
    kubeControllers: componentValues(spec.kubeControllers, chartDefaultValues.kubeControllers.resources),
    cni: { install: spec.cniInstall },
  };
}

function bgpConfiguration(spec: ClusterSpec): CalicoValues['BGPConfiguration'] {
  const bgp = spec.bgp;
  const configuration: CalicoValues['BGPConfiguration'] = {
    asNumber: bgp.asNumber,
    nodeToNodeMeshEnabled: bgp.nodeToNodeMesh,
  };
  if (bgp.logSeverityScreen) configuration.logSeverityScreen = bgp.logSeverityScreen;
  if (bgp.serviceClusterIPs) configuration.serviceClusterIPs = bgp.serviceClusterIPs.map((cidr) => ({ cidr }));
  if (bgp.serviceExternalIPs) configuration.serviceExternalIPs = bgp.serviceExternalIPs.map((cidr) => ({ cidr }));
  if (bgp.prefixAdvertisements) {
    configuration.prefixAdvertisements = bgp.prefixAdvertisements.map((a) => ({ cidr: a.cidr, communities: [...a.communities] }));
  }
  return configuration;
}

const poolKeys = ['cidr', 'blockSize', 'ipipMode', 'vxlanMode', 'natOutgoing', 'nodeSelector', 'disabled', 'disableBGPExport'] as const;

/** Only what the definition sets: Calico fills its own defaults, and the diff knows them. */
function ipPoolValues(pool: IpPool): IpPoolValues {
  const values: Record<string, unknown> = {};
  for (const key of poolKeys) {
    const value = (pool as unknown as Record<string, unknown>)[key];
    if (value !== undefined) values[key] = value;
  }
  return values as unknown as IpPoolValues;
}

function componentValues(component: ComponentSettings | ScheduledComponentSettings, defaultResources: ResourcesValues): ComponentValues {
  const values: ComponentValues = {
    imageName: component.imageName,
    resources: resourcesOverDefaults(component.resources, defaultResources),
  };
  if ('tolerations' in component && component.tolerations) values.tolerations = [...component.tolerations];
  if ('nodeSelector' in component && component.nodeSelector) values.nodeSelector = component.nodeSelector;
  return values;
}

/** A default the definition removed must be written as `~`, or Helm would merge it back in. */
function resourcesOverDefaults(resources: Resources, defaults: ResourcesValues): ResourcesValues {
  const result: ResourcesValues = {};
  for (const section of ['requests', 'limits'] as const) {
    const wanted = resources[section] ?? undefined;
    const defaulted = defaults[section] ?? undefined;
    if (!wanted && !defaulted) continue;
    const list: Record<string, string | null> = {};
    for (const key of ['cpu', 'memory'] as const) {
      const value = wanted?.[key];
      if (typeof value === 'string') list[key] = value;
      else if (defaulted?.[key] !== undefined) list[key] = null;
    }
    result[section] = list;
  }
  return result;
}

function sortedEntries<T>(record: Record<string, T>): [string, T][] {
  return Object.entries(record).sort(([a], [b]) => compareStrings(a, b));
}
