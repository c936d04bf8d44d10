/**
 * A cluster's live IPAM state as calico-gen analyses it: Calico 3.30's Kubernetes-datastore objects
 * (crd.projectcalico.org/v1) reduced to what the figures, refusals and the page need. Raw object
 * text and per-address attributes are not kept: a 5,000-node cluster has over a million
 * allocation slots, and only their counts matter here.
 */
import type { Cidr } from '../core/net';
import type { Finding } from '../core/findings';

/** An IPAMBlock's `affinity`: `host:<node>`, `virtual:<name>`, or none. */
export type BlockAffinityOwner = { kind: 'host'; node: string } | { kind: 'virtual'; name: string } | { kind: 'none' };

export interface IpamBlock {
  /** metadata.name: the CIDR with `.`, `:` and `/` turned into `-` */
  name: string;
  cidr: Cidr;
  /** `spec.cidr` as Calico wrote it */
  cidrText: string;
  affinity: BlockAffinityOwner;
  /** `spec.deleted`: Calico is deleting the block; not counted as live */
  deleted: boolean;
  /** addresses allocated (non-null `allocations` entries within the block) */
  allocated: number;
  /** of those, addresses of pods (their attribute names a pod) */
  pods: number;
  /** allocations whose pod runs on another node than the block's (its `secondary.node`) */
  borrowed: number;
  /** the nodes holding those borrowed addresses, sorted */
  borrowers: readonly string[];
}

export type BlockAffinityState = 'confirmed' | 'pending' | 'pendingDeletion';

export interface BlockAffinity {
  name: string;
  node: string;
  cidr: Cidr;
  state: BlockAffinityState;
  /** `host` or `virtual`; Calico reads an absent type as `host` */
  type: string;
}

/** An IP pool's geometry: a live IPPool, or a pool of a cluster definition. */
export interface PoolGeometry {
  name: string;
  cidr: Cidr;
  blockSize: number;
  /** Calico selector text; `all()` when the pool has none */
  nodeSelector: string;
  disabled: boolean;
}

export interface IpamConfigSpec {
  strictAffinity?: boolean;
  autoAllocateBlocks?: boolean;
  maxBlocksPerHost?: number;
}

export type { ObjectOrigin } from '../core/dump';

/** The kinds a live IPAM read covers (core `Node`; the rest in crd.projectcalico.org). */
export const IPAM_KINDS = ['Node', 'IPPool', 'IPAMBlock', 'BlockAffinity', 'IPAMHandle', 'IPAMConfig'] as const;
export type IpamKind = (typeof IPAM_KINDS)[number];

export interface IpamState {
  /** existing nodes: name → labels */
  nodes: ReadonlyMap<string, Readonly<Record<string, string>>>;
  /** live IPPools, in the order they were read (the API lists them by name) */
  pools: readonly PoolGeometry[];
  /** every block read, deleted ones included */
  blocks: readonly IpamBlock[];
  /** affinities not being deleted (`spec.deleted` is not `"true"`) */
  affinities: readonly BlockAffinity[];
  handles: number;
  /** the `default` IPAMConfig, when the cluster has one */
  config?: IpamConfigSpec;
  /** of the running calico-node image, when known */
  calicoVersion?: string;
  /** the kinds that were read: a kind not read is unknown, not empty */
  kinds: ReadonlySet<IpamKind>;
  /** one `ipam-object-malformed` warning per malformed object, located where the object was read */
  warnings: readonly Finding[];
}
