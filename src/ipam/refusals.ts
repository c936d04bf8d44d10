/**
 * Pool changes that the live IPAM state makes unsafe (issue 12 §4), decided before `helmfile
 * apply`: the calico chart applies crd.projectcalico.org objects directly, so none of calicoctl's
 * own checks run. Pure decisions; diff supplies which pools the release creates, changes or deletes.
 */
import { formatCidr } from '../core/net';
import { poolCapacity } from '../core/capacity';
import type { IpamBlock, IpamState, PoolGeometry } from './model';
import { blockOwnership } from './ownership';
import { overlapsPool } from './slots';

/**
 * Live-basis refusals, in the scheme of src/diff/refusals (basis `live`): they need the cluster's
 * IPAM state, so `diff` decides them when it has read that state and `review` never can.
 */
export const IPAM_REFUSAL_RULES = {
  overForeignBlocks: { id: 'ippool-over-foreign-blocks', severity: 'error', basis: 'live', description: 'A pool created (or re-created) over live blocks of another block size: two pods would get the same address' },
  removedInUse: { id: 'ippool-removed-in-use', severity: 'error', basis: 'live', description: 'A pool the release deletes while its blocks still hold allocated addresses' },
  disabledInUse: { id: 'ippool-disabled-in-use', severity: 'warning', basis: 'live', description: 'A pool being disabled while pods still hold its addresses: they must move' },
  tooSmallForLive: { id: 'ippool-too-small-for-live', severity: 'error', basis: 'live', description: 'A new pool geometry that holds fewer nodes than hold blocks of the pools it replaces now' },
  strictAffinityBorrowed: { id: 'strict-affinity-borrowed', severity: 'warning', basis: 'live', description: 'StrictAffinity turned on while nodes hold addresses borrowed from other nodes\' blocks' },
} as const;

type RuleKey = keyof typeof IPAM_REFUSAL_RULES;

export interface IpamRefusal {
  rule: string;
  severity: 'error' | 'warning';
  /** `IPPool/<name>` or `IPAMConfig/default` */
  object: string;
  path: string;
  message: string;
}

/** One pool as the release leaves it against the cluster. */
export interface PoolChange {
  name: string;
  /** the live IPPool of this name; undefined when the release creates it */
  live?: PoolGeometry;
  /** the pool after the release; undefined when the release deletes it */
  desired?: PoolGeometry;
}

export interface IpamRefusalInput {
  changes: readonly PoolChange[];
  state: IpamState;
  strictAffinity: { live: boolean; desired: boolean };
  /** for a new geometry's node capacity; the definition's capacity.maxPodsPerNode */
  maxPodsPerNode: number;
}

export function ipamRefusals(input: IpamRefusalInput): IpamRefusal[] {
  const live = liveUse(input.state);
  return [
    ...input.changes.flatMap((change) => [
      ...overForeignBlocks(change, live.blocks),
      ...removedInUse(change, live),
      ...disabledInUse(change, live),
      ...tooSmallForLive(change, input, live),
    ]),
    ...strictAffinityBorrowed(input.strictAffinity, live.blocks),
  ];
}

/** The live blocks, and those of each live pool (the cluster's own pools decide ownership). */
export interface LiveUse {
  blocks: readonly IpamBlock[];
  byPool: ReadonlyMap<string, readonly IpamBlock[]>;
  nodes: ReadonlyMap<string, unknown>;
}

export function liveUse(state: IpamState): LiveUse {
  const ownership = blockOwnership([], state);
  return { blocks: ownership.live, byPool: ownership.byPool, nodes: state.nodes };
}

function refusal(key: RuleKey, object: string, path: string, message: string): IpamRefusal {
  const rule = IPAM_REFUSAL_RULES[key];
  return { rule: rule.id, severity: rule.severity, object, path, message };
}

const plural = (count: number | bigint, word: string) => `${count} ${word}${count === 1 || count === 1n ? '' : word.endsWith('s') ? 'es' : 's'}`;

/** `a, b, c and 4 more` */
function list(items: readonly string[], max = 3): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

function describe(pool: PoolGeometry): string {
  return `IPPool ${pool.name} (${formatCidr(pool.cidr)}, /${pool.blockSize} blocks)`;
}

/** Blocks, addresses, pods and nodes, in words: `3 blocks (a, b, c) on 2 nodes (x, y) holding 40 addresses (38 pods)`. */
function usage(blocks: readonly IpamBlock[]): { addresses: number; pods: number; nodes: string[]; text: string } {
  const addresses = blocks.reduce((sum, block) => sum + block.allocated, 0);
  const pods = blocks.reduce((sum, block) => sum + block.pods, 0);
  const nodes = [...new Set(blocks.flatMap((block) => (block.affinity.kind === 'host' ? [block.affinity.node] : [])))].sort();
  const cidrs = blocks.map((block) => block.cidrText);
  const text = `${plural(blocks.length, 'block')} (${list(cidrs)}) on ${plural(nodes.length, 'node')}${nodes.length > 0 ? ` (${list(nodes)})` : ''} holding ${plural(addresses, 'address')}`;
  return { addresses, pods, nodes, text: `${text} (${plural(pods, 'pod')})` };
}

function geometryChanges(change: PoolChange): boolean {
  const { live, desired } = change;
  return desired !== undefined && (live === undefined || live.cidr.network !== desired.cidr.network || live.cidr.prefix !== desired.cidr.prefix || live.blockSize !== desired.blockSize);
}

export function overForeignBlocks(change: PoolChange, live: readonly IpamBlock[]): IpamRefusal[] {
  const pool = change.desired;
  if (!pool || !geometryChanges(change)) return [];
  const foreign = live.filter((block) => overlapsPool(pool, block) && block.cidr.prefix !== pool.blockSize);
  if (foreign.length === 0) return [];
  const sizes = [...new Set(foreign.map((block) => `/${block.cidr.prefix}`))].join(', ');
  return [refusal('overForeignBlocks', `IPPool/${pool.name}`, '/spec/cidr',
    `${describe(pool)} would be ${change.live ? 're-created' : 'created'} over ${usage(foreign).text} of another size (${sizes}): Calico carves /${pool.blockSize} blocks from the new pool without looking at them, so a pod could get an address another pod already holds. Allowed: a pool whose range holds live blocks of its own block size only. Fix: choose a cidr clear of these blocks, keep blockSize ${foreign[0]!.cidr.prefix}, or first move their pods and release the blocks (calicoctl ipam check -o report.json, calicoctl ipam release --from-report report.json)`)];
}

export function removedInUse(change: PoolChange, live: LiveUse): IpamRefusal[] {
  if (!change.live || change.desired) return [];
  const blocks = (live.byPool.get(change.live.name) ?? []).filter((block) => block.allocated > 0);
  if (blocks.length === 0) return [];
  const use = usage(blocks);
  return [refusal('removedInUse', `IPPool/${change.live.name}`, '/spec/cidr',
    `${describe(change.live)} would be deleted by the release while ${use.text} still allocated: those pods keep addresses of a pool that no longer exists (no longer routed, and handed out again if the range returns). Allowed: deleting a pool none of whose addresses is allocated. Fix: keep the pool with disabled: true, move its ${plural(use.pods, 'pod')} (restart them so they take addresses from another pool), and delete it once calico-gen capacity --live shows addressesInUse 0 for it`)];
}

export function disabledInUse(change: PoolChange, live: LiveUse): IpamRefusal[] {
  if (!change.live || !change.desired || change.live.disabled || !change.desired.disabled) return [];
  const blocks = (live.byPool.get(change.live.name) ?? []).filter((block) => block.allocated > 0);
  if (blocks.length === 0) return [];
  const use = usage(blocks);
  return [refusal('disabledInUse', `IPPool/${change.live.name}`, '/spec/disabled',
    `${describe(change.live)} is being disabled while ${use.text}: ${plural(use.pods, 'pod')} must move before the pool can go. Allowed: disabling keeps their addresses working and gives out none from this pool; it is step 2 of the documented migration: 1. add the new pool, 2. disable the old one (no new addresses from it), 3. move the pods (restart each workload; ${plural(use.nodes.length, 'node')} have them), 4. delete the old pool once calico-gen capacity --live shows addressesInUse 0 for it`)];
}

/** Live pools whose nodes a changed or new pool takes over: same name with a new geometry, or same family being deleted or disabled. */
function replacedPools(change: PoolChange, changes: readonly PoolChange[]): PoolGeometry[] {
  if (!geometryChanges(change)) return [];
  if (change.live) return [change.live];
  const family = change.desired!.cidr.family;
  return changes.flatMap((other) => (other.live && other.live.cidr.family === family && (!other.desired || (other.desired.disabled && !other.live.disabled)) ? [other.live] : []));
}

export function tooSmallForLive(change: PoolChange, input: IpamRefusalInput, live: LiveUse): IpamRefusal[] {
  const pool = change.desired;
  const replaced = replacedPools(change, input.changes);
  if (!pool || replaced.length === 0) return [];
  const holding = new Set(replaced.flatMap((old) => (live.byPool.get(old.name) ?? []).flatMap((block) => (block.affinity.kind === 'host' && live.nodes.has(block.affinity.node) ? [block.affinity.node] : []))));
  const capacity = poolCapacity(pool, input.maxPodsPerNode, input.strictAffinity.desired);
  if (capacity.maxNodes >= BigInt(holding.size)) return [];
  const neededBlocks = BigInt(holding.size) * capacity.blocksPerNode;
  let prefix = pool.blockSize;
  while (prefix > 0 && 1n << BigInt(pool.blockSize - prefix) < neededBlocks) prefix--;
  return [refusal('tooSmallForLive', `IPPool/${pool.name}`, '/spec/cidr',
    `${describe(pool)} has ${plural(capacity.blocks, 'block')}, room for ${plural(capacity.maxNodes, 'node')} at ${input.maxPodsPerNode} pods each${input.strictAffinity.desired ? ' under strict affinity' : ''}, but ${plural(holding.size, 'node')} hold blocks of ${replaced.map((old) => `${old.name} (${formatCidr(old.cidr)})`).join(', ')} now: ${holding.size - Number(capacity.maxNodes)} of them would get no addresses once the pods move. Allowed: a geometry with room for at least ${holding.size} nodes. Fix: a cidr of /${prefix} or shorter with blockSize ${pool.blockSize}, or a smaller blockSize`)];
}

export function strictAffinityBorrowed(strict: { live: boolean; desired: boolean }, live: readonly IpamBlock[]): IpamRefusal[] {
  if (strict.live || !strict.desired) return [];
  const lending = live.filter((block) => block.borrowed > 0);
  if (lending.length === 0) return [];
  const addresses = lending.reduce((sum, block) => sum + block.borrowed, 0);
  const borrowers = [...new Set(lending.flatMap((block) => block.borrowers))].sort();
  return [refusal('strictAffinityBorrowed', 'IPAMConfig/default', '/spec/strictAffinity',
    `strictAffinity turns on while ${plural(borrowers.length, 'node')} (${list(borrowers)}) ${borrowers.length === 1 ? 'holds' : 'hold'} ${plural(addresses, 'address')} borrowed from ${plural(lending.length, 'block')} of other nodes (${list(lending.map((block) => block.cidrText))}): they keep them, but from now on a node whose own blocks are full cannot borrow, so its next pods fail to start. Allowed, once every node can get blocks of its own: check nodesThatCanStillJoin with calico-gen capacity --live, then restart the pods on those nodes so their addresses come from their own blocks`)];
}
