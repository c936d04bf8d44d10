/** BlockAffinity, IPPool, IPAMHandle, IPAMConfig and Node objects → the IPAM model. */
import { familyBits, parseCidr } from '../core/net';
import { parseSelector } from '../core/selector';
import type { BlockAffinity, BlockAffinityState, IpamConfigSpec, PoolGeometry } from './model';
import { describe, isMap, type ReportMalformed } from './read-block';

const AFFINITY_STATES: ReadonlySet<string> = new Set<BlockAffinityState>(['confirmed', 'pending', 'pendingDeletion']);

/** undefined when the affinity is being deleted (`deleted: "true"`) or cannot be read. */
export function readBlockAffinity(name: string, spec: Record<string, unknown>, report: ReportMalformed): BlockAffinity | undefined {
  // a string for compatibility with old Calico releases; the v3 API's boolean is read too
  if (spec.deleted === 'true' || spec.deleted === true) return undefined;
  if (spec.deleted !== undefined && spec.deleted !== 'false' && spec.deleted !== '' && spec.deleted !== false) {
    report('/spec/deleted', `deleted is ${describe(spec.deleted)}, not "true" or "false": the affinity is counted as live`);
  }
  const cidr = typeof spec.cidr === 'string' ? parseCidr(spec.cidr) : undefined;
  if (!cidr?.ok) {
    report('/spec/cidr', `cidr ${describe(spec.cidr)} is not a CIDR${cidr ? ` (${cidr.reason})` : ''}: the affinity is not counted`);
    return undefined;
  }
  if (typeof spec.node !== 'string' || spec.node === '') {
    report('/spec/node', `node is ${describe(spec.node)}: an affinity names the node that owns block ${spec.cidr}; it is not counted`);
    return undefined;
  }
  const state = typeof spec.state === 'string' && AFFINITY_STATES.has(spec.state) ? (spec.state as BlockAffinityState) : undefined;
  if (!state) {
    report('/spec/state', `state ${describe(spec.state)} is not confirmed, pending or pendingDeletion: the affinity is not counted`);
    return undefined;
  }
  const type = typeof spec.type === 'string' && spec.type !== '' ? spec.type : 'host';
  return { name, node: spec.node, cidr: cidr.value, state, type };
}

/** A live IPPool's geometry; undefined when its cidr or blockSize cannot place a block. */
export function readIpPool(name: string, spec: Record<string, unknown>, report: ReportMalformed): PoolGeometry | undefined {
  const cidr = typeof spec.cidr === 'string' ? parseCidr(spec.cidr) : undefined;
  if (!cidr?.ok) {
    report('/spec/cidr', `cidr ${describe(spec.cidr)} is not a CIDR${cidr ? ` (${cidr.reason})` : ''}: the pool is left out, so its blocks count as orphaned`);
    return undefined;
  }
  const family = cidr.value.family;
  const fallback = family === 4 ? 26 : 122;
  const blockSize = spec.blockSize === undefined || spec.blockSize === 0 ? fallback : spec.blockSize;
  const lowest = family === 4 ? 20 : 116;
  if (typeof blockSize !== 'number' || !Number.isInteger(blockSize) || blockSize < lowest || blockSize > familyBits(family) || blockSize < cidr.value.prefix) {
    report('/spec/blockSize', `blockSize ${describe(spec.blockSize)} is not a prefix length from ${Math.max(lowest, cidr.value.prefix)} to ${familyBits(family)} for the ${spec.cidr} pool: the pool is left out, so its blocks count as orphaned`);
    return undefined;
  }
  let nodeSelector = typeof spec.nodeSelector === 'string' && spec.nodeSelector.trim() !== '' ? spec.nodeSelector : 'all()';
  const parsed = parseSelector(nodeSelector);
  if (!parsed.ok) {
    report('/spec/nodeSelector', `nodeSelector ${describe(spec.nodeSelector)} is not a Calico selector (${parsed.error.message}, column ${parsed.error.column}): the pool is counted as picking no node`);
    nodeSelector = '!all()';
  }
  return { name, cidr: cidr.value, blockSize, nodeSelector, disabled: spec.disabled === true };
}

export function readIpamHandle(spec: Record<string, unknown>, report: ReportMalformed): boolean {
  if (typeof spec.handleID !== 'string' || spec.handleID === '') {
    report('/spec/handleID', `handleID is ${describe(spec.handleID)}: a handle names the pod or tunnel its addresses belong to; it is not counted`);
    return false;
  }
  if (!isMap(spec.block)) {
    report('/spec/block', `block is ${describe(spec.block)}, not a map of block CIDR to address count: the handle is not counted`);
    return false;
  }
  return true;
}

export function readIpamConfig(spec: Record<string, unknown>): IpamConfigSpec {
  return {
    ...(typeof spec.strictAffinity === 'boolean' ? { strictAffinity: spec.strictAffinity } : {}),
    ...(typeof spec.autoAllocateBlocks === 'boolean' ? { autoAllocateBlocks: spec.autoAllocateBlocks } : {}),
    ...(typeof spec.maxBlocksPerHost === 'number' ? { maxBlocksPerHost: spec.maxBlocksPerHost } : {}),
  };
}

/** A node's labels; pools pick nodes by them. */
export function readNodeLabels(metadata: Record<string, unknown>): Record<string, string> {
  const labels: Record<string, string> = {};
  if (!isMap(metadata.labels)) return labels;
  for (const [key, value] of Object.entries(metadata.labels)) if (typeof value === 'string') labels[key] = value;
  return labels;
}

/** `…/calico/node:v3.30.7@sha256:…` → `3.30.7`. */
export function versionOfImage(image: string): string | undefined {
  const withoutDigest = image.split('@')[0]!;
  const colon = withoutDigest.lastIndexOf(':');
  if (colon < 0 || withoutDigest.indexOf('/', colon) >= 0) return undefined;
  return withoutDigest.slice(colon + 1).replace(/^v/, '');
}
