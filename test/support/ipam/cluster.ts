/**
 * Generates a cluster's live IPAM state (Nodes, IPPools, IPAMConfig, IPAMBlocks, BlockAffinities,
 * IPAMHandles), deterministic per seed, with the irregularities real clusters accumulate: nodes gone
 * whose blocks remain (Calico before 3.20 never gives them back), a block of another size left by an
 * older pool geometry, an orphaned block, a block being deleted, a pending affinity, borrowed addresses.
 */
import { familyBits, formatCidr, makeCidr, parseCidr, type Cidr } from '../../../src/core/net';
import { matchesLabels, parseSelector } from '../../../src/core/selector';
import {
  blockAffinityObject,
  ipamBlockObject,
  ipamConfigObject,
  ipamHandleObject,
  ipPoolObject,
  Metadata,
  nodeObject,
  type AllocationShape,
  type BlockShape,
  type Obj,
  type PoolShape,
} from './objects';
import { Random } from './random';

export interface IpamClusterPlan {
  seed: number;
  /** nodes that exist */
  nodes: number;
  /** nodes deleted from the cluster whose blocks, affinities and pods' addresses remain */
  goneNodes: number;
  /** per family a node takes blocks from the first enabled pool whose nodeSelector picks it */
  pools: PoolShape[];
  strictAffinity: boolean;
  podsPerNode: readonly [number, number];
  /** chance that a node holds one block more than its pods need (kept after pods left) */
  spareBlockChance: number;
  /** share of nodes labelled `node-pool: gpu` (the others `general`) */
  gpuShare: number;
  /** blocks of another size inside a pool, at the start of a free pool-sized slot (prefix ≥ blockSize) */
  otherSizeBlocks: readonly { pool: string; prefix: number }[];
  /** block CIDRs outside every pool */
  orphanedBlocks: readonly string[];
  /** pools that get one block marked deleted */
  deletedBlocks: readonly string[];
  /** affinities still pending, in the first pool */
  pendingAffinities: number;
  /** addresses in other nodes' blocks of the first pool */
  borrowedAddresses: number;
}

export interface IpamClusterFacts {
  nodes: string[];
  goneNodes: string[];
  otherSizeBlocks: string[];
  orphanedBlocks: string[];
  deletedBlocks: string[];
  pendingAffinities: string[];
  borrowedAddresses: number;
  pods: number;
  blocks: number;
  /** allocation slots: addresses in all blocks */
  slots: number;
}

export interface GeneratedIpamCluster {
  plan: IpamClusterPlan;
  /** in the order `kubectl get nodes,ippools,ipamblocks,blockaffinities,ipamhandles,ipamconfigs` lists them */
  objects: Obj[];
  facts: IpamClusterFacts;
}

const NAMESPACES = ['default', 'ingress', 'logging', 'monitoring', 'payments', 'search', 'web'];
const APPS = ['api', 'cache', 'fluent-bit', 'frontend', 'indexer', 'node-exporter', 'queue', 'worker'];

/** Pool-sized slots of one pool handed out as Calico does: from a random start onwards (IPv6: at random). */
class PoolSlots {
  readonly cidr: Cidr;
  private readonly count: bigint;
  private readonly used = new Set<bigint>();
  private cursor: bigint;

  constructor(
    readonly pool: PoolShape,
    private readonly random: Random,
  ) {
    this.cidr = parseCidrOrThrow(pool.cidr);
    this.count = 1n << BigInt(pool.blockSize - this.cidr.prefix);
    this.cursor = random.bigint(this.count);
  }

  claim(prefix = this.pool.blockSize): Cidr {
    if (BigInt(this.used.size) >= this.count) throw new Error(`pool ${this.pool.name} (${this.pool.cidr}) has no free block left for the generated cluster`);
    let index = this.count > 1n << 20n ? this.random.bigint(this.count) : this.cursor;
    while (this.used.has(index)) index = (index + 1n) % this.count;
    this.used.add(index);
    this.cursor = (index + 1n) % this.count;
    const blockAddresses = 1n << BigInt(familyBits(this.cidr.family) - this.pool.blockSize);
    return makeCidr(this.cidr.family, this.cidr.network + index * blockAddresses, prefix);
  }
}

function parseCidrOrThrow(text: string): Cidr {
  const parsed = parseCidr(text);
  if (!parsed.ok) throw new Error(`generated cluster: ${text}: ${parsed.reason}`);
  return parsed.value;
}

function addressesIn(cidr: Cidr): number {
  return 2 ** (familyBits(cidr.family) - cidr.prefix);
}

interface BlockDraft extends BlockShape {
  free: number[];
}

export function generateIpamCluster(plan: IpamClusterPlan): GeneratedIpamCluster {
  return new ClusterBuilder(plan).build();
}

class ClusterBuilder {
  private readonly random: Random;
  private readonly metadata: Metadata;
  private readonly slots: Map<string, PoolSlots>;
  private readonly blocks: BlockDraft[] = [];
  private readonly affinities: Obj[] = [];
  private readonly handles = new Map<string, Record<string, number>>();
  private readonly facts: IpamClusterFacts = { nodes: [], goneNodes: [], otherSizeBlocks: [], orphanedBlocks: [], deletedBlocks: [], pendingAffinities: [], borrowedAddresses: 0, pods: 0, blocks: 0, slots: 0 };
  private readonly nodeObjects: Obj[] = [];

  constructor(private readonly plan: IpamClusterPlan) {
    this.random = new Random(plan.seed);
    this.metadata = new Metadata(this.random);
    this.slots = new Map(plan.pools.map((pool) => [pool.name, new PoolSlots(pool, this.random)]));
  }

  build(): GeneratedIpamCluster {
    const total = this.plan.nodes + this.plan.goneNodes;
    const gone = new Set(this.random.shuffle(Array.from({ length: total }, (_, i) => i)).slice(0, this.plan.goneNodes));
    for (let index = 0; index < total; index++) this.addNode(index, gone.has(index));
    this.addIrregularities();
    const objects = [
      ...sortByName(this.nodeObjects),
      ...sortByName(this.plan.pools.map((pool) => ipPoolObject(pool, this.metadata))),
      ...sortByName(this.blocks.map((block) => ipamBlockObject(block, this.metadata, this.random))),
      ...sortByName(this.affinities),
      ...sortByName([...this.handles].map(([handleId, blocks]) => ipamHandleObject(handleId, blocks, this.metadata))),
      ipamConfigObject(this.plan.strictAffinity, this.metadata),
    ];
    this.facts.blocks = this.blocks.length;
    this.facts.slots = this.blocks.reduce((sum, block) => sum + addressesIn(block.cidr), 0);
    return { plan: this.plan, objects, facts: this.facts };
  }

  private addNode(index: number, isGone: boolean): void {
    const name = `worker-${String(index + 1).padStart(4, '0')}`;
    const zone = `ams-${'abc'[index % 3]}`;
    const labels = {
      'kubernetes.io/arch': 'amd64',
      'kubernetes.io/hostname': name,
      'kubernetes.io/os': 'linux',
      'node-pool': this.random.chance(this.plan.gpuShare) ? 'gpu' : 'general',
      'topology.kubernetes.io/region': 'ams',
      'topology.kubernetes.io/zone': zone,
    };
    if (isGone) this.facts.goneNodes.push(name);
    else {
      this.facts.nodes.push(name);
      const internalIp = `10.20.${Math.floor(index / 250)}.${(index % 250) + 1}`;
      this.nodeObjects.push(nodeObject({ name, labels, internalIp }, this.metadata, this.random));
    }
    const pods = Array.from({ length: this.random.int(...this.plan.podsPerNode) }, () => this.newPod(name));
    for (const family of [4, 6] as const) {
      const pool = this.plan.pools.find((p) => !p.disabled && parseCidrOrThrow(p.cidr).family === family && selects(p, labels));
      if (pool) this.placePods(name, pool, pods);
    }
  }

  private newPod(node: string): AllocationShape {
    const app = this.random.pick(APPS);
    this.facts.pods++;
    return { ordinal: -1, handleId: `k8s-pod-network.${this.random.hex(64)}`, node, namespace: this.random.pick(NAMESPACES), pod: `${app}-${this.random.hex(10)}-${this.random.hex(5)}` };
  }

  /** The node's blocks in this pool, its pods spread over them front to back. */
  private placePods(node: string, pool: PoolShape, pods: AllocationShape[]): void {
    const perBlock = 2 ** (familyBits(parseCidrOrThrow(pool.cidr).family) - pool.blockSize);
    const count = Math.max(1, Math.ceil(pods.length / perBlock)) + (this.random.chance(this.plan.spareBlockChance) ? 1 : 0);
    const drafts = Array.from({ length: count }, () => this.newBlock(pool, node, pool.blockSize));
    pods.forEach((pod, i) => this.allocate(drafts[Math.floor(i / perBlock)]!, pod));
  }

  private newBlock(pool: PoolShape, node: string, prefix: number): BlockDraft {
    const cidr = this.slots.get(pool.name)!.claim(prefix);
    return this.addBlock(cidr, node);
  }

  private addBlock(cidr: Cidr, node: string | undefined, deleted = false): BlockDraft {
    const free = this.random.shuffle(Array.from({ length: addressesIn(cidr) }, (_, i) => i));
    const draft: BlockDraft = { cidr, allocations: [], free, deleted, ...(node !== undefined ? { affinity: `host:${node}` } : {}) };
    this.blocks.push(draft);
    if (node !== undefined && !deleted) this.affinities.push(blockAffinityObject(node, formatCidr(cidr), 'confirmed', this.metadata));
    return draft;
  }

  private allocate(block: BlockDraft, pod: AllocationShape): void {
    const ordinal = block.free.pop();
    if (ordinal === undefined) throw new Error(`generated cluster: block ${formatCidr(block.cidr)} is full`);
    block.allocations.push({ ...pod, ordinal });
    const handle = this.handles.get(pod.handleId) ?? {};
    const cidr = formatCidr(block.cidr);
    handle[cidr] = (handle[cidr] ?? 0) + 1;
    this.handles.set(pod.handleId, handle);
  }

  private addIrregularities(): void {
    const first = this.plan.pools[0]!;
    const someNode = () => this.random.pick(this.facts.nodes);
    for (const { pool, prefix } of this.plan.otherSizeBlocks) {
      const block = this.newBlock(this.plan.pools.find((p) => p.name === pool)!, someNode(), prefix);
      for (let i = 0; i < Math.min(3, block.free.length); i++) this.allocate(block, this.newPod(block.affinity!.slice(5)));
      this.facts.otherSizeBlocks.push(formatCidr(block.cidr));
    }
    for (const cidr of this.plan.orphanedBlocks) {
      const block = this.addBlock(parseCidrOrThrow(cidr), someNode());
      for (let i = 0; i < 2; i++) this.allocate(block, this.newPod(block.affinity!.slice(5)));
      this.facts.orphanedBlocks.push(formatCidr(block.cidr));
    }
    for (const pool of this.plan.deletedBlocks) {
      const cidr = this.slots.get(pool)!.claim();
      this.addBlock(cidr, someNode(), true);
      this.facts.deletedBlocks.push(formatCidr(cidr));
    }
    for (let i = 0; i < this.plan.pendingAffinities; i++) {
      const cidr = formatCidr(this.slots.get(first.name)!.claim());
      this.affinities.push(blockAffinityObject(someNode(), cidr, 'pending', this.metadata));
      this.facts.pendingAffinities.push(cidr);
    }
    this.addBorrowed(first);
  }

  /** Without strict affinity a node out of blocks takes addresses from another node's block. */
  private addBorrowed(pool: PoolShape): void {
    const candidates = this.blocks.filter((b) => !b.deleted && b.affinity && b.free.length > 0 && b.cidr.prefix === pool.blockSize && this.slots.get(pool.name)!.cidr.family === b.cidr.family);
    for (let i = 0; i < this.plan.borrowedAddresses; i++) {
      const block = this.random.pick(candidates);
      const owner = block.affinity!.slice('host:'.length);
      this.allocate(block, this.newPod(someOther(this.random, this.facts.nodes, owner)));
      this.facts.borrowedAddresses++;
    }
  }
}

function someOther(random: Random, nodes: readonly string[], not: string): string {
  for (;;) {
    const node = random.pick(nodes);
    if (node !== not) return node;
  }
}

function selects(pool: PoolShape, labels: Record<string, string>): boolean {
  const parsed = parseSelector(pool.nodeSelector ?? 'all()');
  if (!parsed.ok) throw new Error(`generated cluster: pool ${pool.name}: ${parsed.error.message}`);
  return matchesLabels(parsed.ast, labels);
}

function sortByName(objects: Obj[]): Obj[] {
  const name = (object: Obj) => (object.metadata as { name: string }).name;
  return objects.sort((a, b) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0));
}
