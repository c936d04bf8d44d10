/**
 * An IPAMBlock object → what the analysis counts. Malformed parts are reported once each, and the
 * rest of the block is still counted the way Calico's own accounting counts it: an allocation that
 * points at a missing attribute is still an allocated address, entries past the block's end are not.
 */
import { familyBits, parseCidr } from '../core/net';
import type { BlockAffinityOwner, IpamBlock } from './model';
import { describe } from '../core/dump';
import { isMap } from '../util/json';

/** Where and what is malformed in one object; the caller turns it into a located warning. */
export type ReportMalformed = (path: string, message: string) => void;

export { isMap } from '../util/json';
export { describe } from '../core/dump';

export function readBlock(name: string, spec: Record<string, unknown>, report: ReportMalformed): IpamBlock | undefined {
  const parsed = typeof spec.cidr === 'string' ? parseCidr(spec.cidr) : { ok: false as const, reason: 'not a string' };
  if (!parsed.ok) {
    report('/spec/cidr', `cidr ${describe(spec.cidr)} is not a CIDR (${parsed.reason}), so the block's addresses cannot be placed in a pool and it is left out of every count; Calico writes this field itself, so look for a hand edit (kubectl get ipamblock ${name} -o yaml) and restore the cidr its name encodes`);
    return undefined;
  }
  if (spec.deleted !== undefined && typeof spec.deleted !== 'boolean') {
    report('/spec/deleted', `deleted is ${describe(spec.deleted)}, not true or false: the block is counted as live`);
  }
  const affinity = readAffinity(spec.affinity, report);
  const counts = countAllocations(spec, parsed.value.prefix, familyBits(parsed.value.family), affinity, report);
  return { name, cidr: parsed.value, cidrText: spec.cidr as string, affinity, deleted: spec.deleted === true, ...counts };
}

function readAffinity(value: unknown, report: ReportMalformed): BlockAffinityOwner {
  if (value === undefined || value === null || value === '') return { kind: 'none' };
  if (typeof value === 'string') {
    const colon = value.indexOf(':');
    const kind = value.slice(0, colon);
    const owner = value.slice(colon + 1);
    if (colon > 0 && owner !== '' && kind === 'host') return { kind: 'host', node: owner };
    if (colon > 0 && owner !== '' && kind === 'virtual') return { kind: 'virtual', name: owner };
  }
  report('/spec/affinity', `affinity ${describe(value)} is neither host:<node> nor virtual:<name>: the block is counted as affine to no node`);
  return { kind: 'none' };
}

interface AllocationCounts {
  allocated: number;
  pods: number;
  borrowed: number;
  borrowers: string[];
}

function countAllocations(spec: Record<string, unknown>, prefix: number, bits: number, affinity: BlockAffinityOwner, report: ReportMalformed): AllocationCounts {
  const { allocations, attributes } = spec;
  if (!Array.isArray(allocations)) {
    if (allocations !== undefined && allocations !== null) report('/spec/allocations', `allocations is ${describe(allocations)}, not a list: the block is counted with no address allocated`);
    return { allocated: 0, pods: 0, borrowed: 0, borrowers: [] };
  }
  const size = bits - prefix >= 31 ? Infinity : 2 ** (bits - prefix);
  if (allocations.length > size) {
    report('/spec/allocations', `allocations has ${allocations.length} entries but a /${prefix} block holds only ${size} addresses: the ${allocations.length - size} entries past the end are not counted`);
  }
  const table = Array.isArray(attributes) ? attributes : [];
  const blockNode = affinity.kind === 'host' ? affinity.node : '';
  const borrowers = new Set<string>();
  const dangling: number[] = [];
  let allocated = 0;
  let pods = 0;
  let borrowed = 0;
  const end = Math.min(allocations.length, size);
  for (let ordinal = 0; ordinal < end; ordinal++) {
    const index = allocations[ordinal];
    if (index === null || index === undefined) continue;
    allocated++;
    const attribute = Number.isInteger(index) && (index as number) >= 0 ? table[index as number] : undefined;
    if (!isMap(attribute)) {
      dangling.push(ordinal);
      continue;
    }
    const secondary = isMap(attribute.secondary) ? attribute.secondary : {};
    if (typeof secondary.pod === 'string' && secondary.pod !== '') pods++;
    const node = secondary.node;
    if (typeof node === 'string' && node !== '' && node !== blockNode) {
      borrowed++;
      borrowers.add(node);
    }
  }
  if (dangling.length > 0) reportDangling(dangling, allocations, table.length, report);
  return { allocated, pods, borrowed, borrowers: [...borrowers].sort() };
}

function reportDangling(ordinals: readonly number[], allocations: readonly unknown[], attributes: number, report: ReportMalformed): void {
  const first = ordinals[0]!;
  const others = ordinals.length > 1 ? ` (and ${ordinals.length - 1} more allocation${ordinals.length > 2 ? 's' : ''})` : '';
  report(
    `/spec/allocations/${first}`,
    `allocation ${first} points to attribute ${describe(allocations[first])}${others}, but the block has ${attributes} attribute${attributes === 1 ? '' : 's'} (indexes 0–${Math.max(0, attributes - 1)}): the address is counted as allocated, its pod and node are unknown; calicoctl ipam check reports such blocks`,
  );
}
