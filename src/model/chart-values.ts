/**
 * The values interface of the `calico` chart 0.5.2 (docs/values-interface.md): the keys
 * and shapes the chart reads. Key order here is the order they are written in.
 */
export interface ResourceListValues {
  cpu?: string | null;
  memory?: string | null;
}
export interface ResourcesValues {
  requests?: ResourceListValues | null;
  limits?: ResourceListValues | null;
}

export interface ComponentValues {
  imageName: string;
  resources: ResourcesValues;
  tolerations?: unknown[];
  nodeSelector?: Record<string, string>;
}

export interface IpPoolValues {
  cidr: string;
  blockSize?: number;
  ipipMode?: string;
  vxlanMode?: string;
  natOutgoing?: boolean;
  nodeSelector?: string;
  disabled?: boolean;
  disableBGPExport?: boolean;
}

export interface BgpPeerValues {
  ipv4: string;
  ipv6: string;
  nodeSelector: string;
}

export interface BgpConfigurationValues {
  asNumber?: number;
  nodeToNodeMeshEnabled?: boolean;
  logSeverityScreen?: string;
  serviceClusterIPs?: { cidr: string }[];
  serviceExternalIPs?: { cidr: string }[];
  prefixAdvertisements?: { cidr: string; communities: string[] }[];
  [key: string]: unknown;
}

export interface CalicoValues {
  image: { repository: string; tag: string; pullPolicy: string };
  BGPConfiguration: BgpConfigurationValues;
  GenericBGPCommunity: string;
  PeerAS: number;
  ASLoop: number;
  BGPPeers: Record<string, BgpPeerValues>;
  IPPools: Record<string, IpPoolValues>;
  IPAMConfig: { autoAllocateBlocks: boolean; maxBlocksPerHost: number; strictAffinity: boolean };
  GlobalNetworkPolicies: Record<string, Record<string, unknown>>;
  IPv6Support: boolean;
  bpf: Record<string, unknown>;
  veth_mtu: string;
  typha: ComponentValues & { replicaCount: number; shutdownTimeoutSeconds: number };
  calicoNode: ComponentValues;
  kubeControllers: ComponentValues;
  cni: { install: boolean };
}
