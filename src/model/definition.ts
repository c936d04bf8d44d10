/**
 * The typed cluster definition that `clusters/*.ts` files write. Types reject what they can at
 * compile time (encapsulation modes, block-size ranges, CIDR families); everything else is
 * checked at run time by resolve and validate.
 *
 * Layers (fleet defaults, group defaults, the cluster) merge as helmfile merges values: maps key by
 * key, later wins, arrays are replaced, and `null` removes what a lower layer set.
 */

export type Ipv4Cidr = `${number}.${number}.${number}.${number}/${number}`;
export type Ipv6Cidr = `${string}:${string}/${number}`;
export type Ipv4Address = `${number}.${number}.${number}.${number}`;
export type Ipv6Address = `${string}:${string}`;

export type EncapsulationMode = 'Always' | 'CrossSubnet' | 'Never';
export type Ipv4BlockSize = 20 | 21 | 22 | 23 | 24 | 25 | 26 | 27 | 28 | 29 | 30 | 31 | 32;
export type Ipv6BlockSize = 116 | 117 | 118 | 119 | 120 | 121 | 122 | 123 | 124 | 125 | 126 | 127 | 128;

interface IpPoolCommon {
  natOutgoing?: boolean;
  /** Calico selector choosing the nodes that take addresses from this pool; Calico's default is `all()` */
  nodeSelector?: string;
  disabled?: boolean;
  disableBGPExport?: boolean;
}

export interface Ipv4Pool extends IpPoolCommon {
  cidr: Ipv4Cidr;
  /** default 26: blocks of 64 addresses */
  blockSize?: Ipv4BlockSize;
  ipipMode?: EncapsulationMode;
  vxlanMode?: EncapsulationMode;
}

export interface Ipv6Pool extends IpPoolCommon {
  cidr: Ipv6Cidr;
  /** default 122: blocks of 64 addresses */
  blockSize?: Ipv6BlockSize;
  /** Calico refuses IPIP on IPv6 */
  ipipMode?: 'Never';
  vxlanMode?: EncapsulationMode;
}

export type IpPool = Ipv4Pool | Ipv6Pool;

/** A BGP router (core router or top-of-rack switch) that cluster nodes peer with. */
export interface Router {
  name: string;
  ipv4: Ipv4Address;
  ipv6: Ipv6Address;
  /** Calico selector of the nodes that peer with this router */
  nodeSelector: string;
}

/** `aa:nn` (standard) or `aa:nn:mm` (large) BGP community */
export type BgpCommunity = `${number}:${number}` | `${number}:${number}:${number}`;

export interface PrefixAdvertisement {
  cidr: Ipv4Cidr | Ipv6Cidr;
  communities: readonly string[];
}

export interface BgpSettings {
  /** the cluster's own AS number */
  asNumber: number;
  /** Calico's node-to-node mesh; fleets peering with routers turn it off */
  nodeToNodeMesh: boolean;
  /** the routers' AS number (values key `PeerAS`) */
  peerAsNumber: number;
  /** how often the local AS may appear in received paths (values key `ASLoop`) */
  asLoop: number;
  /** community attached to every pool's advertisement (values key `GenericBGPCommunity`) */
  community: BgpCommunity;
  /** explicit advertisements; when absent the chart advertises every pool with `community` */
  prefixAdvertisements?: readonly PrefixAdvertisement[];
  /** service CIDRs the nodes announce to their peers */
  serviceClusterIPs?: readonly (Ipv4Cidr | Ipv6Cidr)[];
  serviceExternalIPs?: readonly (Ipv4Cidr | Ipv6Cidr)[];
  logSeverityScreen?: 'Trace' | 'Debug' | 'Info' | 'Warning' | 'Error' | 'Fatal';
  /** the routers every node of the cluster may peer with (each chooses its nodes by selector) */
  peers: readonly Router[];
}

export interface IpamSettings {
  /** a node never borrows addresses from another node's block */
  strictAffinity: boolean;
  autoAllocateBlocks: boolean;
  /** 0 = unlimited */
  maxBlocksPerHost: number;
}

export type Quantity = string;
export interface ResourceList {
  cpu?: Quantity | null;
  memory?: Quantity | null;
}
export interface Resources {
  requests?: ResourceList | null;
  limits?: ResourceList | null;
}

export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  tolerationSeconds?: number;
}

/** calico-node runs on every node: the chart takes only its image and resources. */
export interface ComponentSettings {
  imageName: string;
  resources: Resources;
}

/** Typha and kube-controllers are scheduled: the chart also takes where they may run. */
export interface ScheduledComponentSettings extends ComponentSettings {
  tolerations?: readonly Toleration[];
  nodeSelector?: Record<string, string>;
}

export interface TyphaSettings extends ScheduledComponentSettings {
  replicaCount: number;
  shutdownTimeoutSeconds: number;
}

/** Calico GlobalNetworkPolicy spec, passed through to the chart as written. */
export type GlobalNetworkPolicySpec = Record<string, unknown>;

export interface CapacityHints {
  /** nodes the cluster is expected to grow to; enables the pool-capacity check */
  expectedNodes?: number;
  /** kubelet maxPods; 110 when unset */
  maxPodsPerNode?: number;
}

/** `YYYY-MM-DD` */
export type CalendarDate = `${number}-${number}-${number}`;

/**
 * A finding that is known and tracked. It is still reported, marked acknowledged, but it does not
 * fail `synth` or `validate` until the day after `until`, when it counts again.
 */
export interface Acknowledgement {
  /** the finding's rule id (docs/rules.md) */
  rule: string;
  /** the finding's object, `Kind/name` (`BGPPeer/lsw1-c1-codfw-ipv4`); every object when absent */
  object?: `${string}/${string}`;
  /** why it may stay for now, and where it is tracked */
  reason: string;
  /** the last day (UTC) it is acknowledged; without it, until it is removed */
  until?: CalendarDate;
}

/** A complete cluster, after all layers are merged. */
export interface ClusterSpec {
  name: string;
  /** helmfile cluster group (`main`, `ml-serve`) */
  group: string;
  /**
   * data-centre site: the region its nodes run in, whose label topology.kubernetes.io/region=<site>
   * router selectors pick nodes by; validate warns (site-without-router) when no router can peer there
   */
  site: string;
  /** kubeconfig context that `diff` uses by default */
  kubeContext: string;
  release: { name: string; namespace: string };
  /** Calico version: the image tag without the `v` the chart adds (`3.30.7`) */
  calicoVersion: string;
  image: { repository: string; pullPolicy: 'IfNotPresent' | 'Always' | 'Never' };
  ipPools: Record<string, IpPool>;
  ipam: IpamSettings;
  bgp: BgpSettings;
  calicoNode: ComponentSettings;
  typha: TyphaSettings;
  kubeControllers: ScheduledComponentSettings;
  /** veth MTU, or 'auto' to let Calico detect it */
  vethMtu: number | 'auto';
  ipv6Support: boolean;
  cniInstall: boolean;
  globalNetworkPolicies: Record<string, GlobalNetworkPolicySpec>;
  capacity: CapacityHints;
  /** findings known and tracked; every layer's add up (a later layer does not replace them) */
  acknowledge?: readonly Acknowledgement[];
}

/**
 * Every key optional and nullable (null removes what a lower layer set) at every level, except
 * inside the atomic units: an IP pool, a router, a list.
 */
export type Layer<T> = {
  [K in keyof T]?: (K extends AtomicMaps ? Record<string, T[K][keyof T[K]] | null> : LayerValue<NonNullable<T[K]>>) | null;
};
/** maps whose entries are replaced whole, not merged key by key */
type AtomicMaps = 'ipPools' | 'globalNetworkPolicies';
type LayerValue<V> = V extends readonly unknown[] ? V : V extends object ? Layer<V> : V;

export type ClusterLayer = Layer<ClusterSpec>;

/** What `clusters/<name>.ts` exports as default. */
export interface ClusterDefinition {
  readonly kind: 'ClusterDefinition';
  readonly layers: readonly ClusterLayer[];
}
