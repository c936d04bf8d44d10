/**
 * What calico-gen knows about Calico itself, each fact written once: the API group and version
 * of its objects, the kinds the chart creates, how it defaults an IP pool's block size, and which
 * AS numbers it uses and the routing world treats as private.
 */
import { own } from '../util/json';
import type { IpFamily } from './net';

/** The group of Calico's CRDs (the chart writes these), and of its own API server (calicoctl). */
export const CALICO_GROUP = 'crd.projectcalico.org';
export const CALICO_API_SERVER_GROUP = 'projectcalico.org';
export const CALICO_API_VERSION = `${CALICO_GROUP}/v1`;

/** The kinds calico-gen checks: those the chart creates from its values. */
export const IPPOOL = 'IPPool';
export const BGPPEER = 'BGPPeer';
export const BGPCONFIGURATION = 'BGPConfiguration';
export const IPAMCONFIG = 'IPAMConfig';
export const CALICO_KINDS = [IPPOOL, BGPPEER, BGPCONFIGURATION, IPAMCONFIG] as const;

/**
 * Calico's IPAM bookkeeping, written by calico-node and never by the chart: live state to read
 * (which addresses are in use, where), never objects to create or delete.
 */
export const CALICO_IPAM_STATE_KINDS = ['IPAMBlock', 'BlockAffinity', 'IPAMHandle'] as const;

/**
 * An object of either Calico group, at any version: the objects Calico's rules apply to. Another
 * project's `kind: IPPool` (Antrea has one) is not; an object without an apiVersion is taken at
 * its word (its kind), so that a missing apiVersion does not exempt it from the rules.
 */
export function isCalicoObject(object: unknown): boolean {
  const apiVersion = own(object, 'apiVersion');
  return typeof apiVersion !== 'string' || [CALICO_GROUP, CALICO_API_SERVER_GROUP].some((group) => apiVersion.startsWith(`${group}/`));
}

/** How Calico tells an IPv6 address or CIDR from an IPv4 one by its text: a colon. */
export const IPV6_TEXT = ':';
export const IPV4_TEXT = '^[^:]*$';

export function familyOfText(addressOrCidr: string): IpFamily {
  return addressOrCidr.includes(IPV6_TEXT) ? 6 : 4;
}

/** The block size Calico gives a pool that sets none (or 0): 64 addresses in either family. */
export const DEFAULT_BLOCK_SIZE = { 4: 26, 6: 122 } as const;
/** The block sizes Calico accepts per family. */
export const BLOCK_SIZE_RANGE = { 4: [20, 32], 6: [116, 128] } as const;

/** A pool's block size after Calico's defaulting, from the pool's spec as written. */
export function blockSizeOf(blockSize: unknown, cidr: string): number {
  return typeof blockSize === 'number' && blockSize !== 0 ? blockSize : DEFAULT_BLOCK_SIZE[familyOfText(cidr)];
}

/** The AS number Calico uses when BGPConfiguration sets none. */
export const CALICO_DEFAULT_AS_NUMBER = 64512;

/** RFC 6996 private AS ranges (16-bit and 32-bit), inclusive. */
export const PRIVATE_AS_RANGES = [
  [64512, 65534],
  [4200000000, 4294967294],
] as const;

export function isPrivateAsNumber(as: number): boolean {
  return PRIVATE_AS_RANGES.some(([first, last]) => as >= first && as <= last);
}

/** `64512–65534`, `4200000000–4294967294`: the private ranges as messages write them. */
export const PRIVATE_AS_RANGE_TEXTS = PRIVATE_AS_RANGES.map(([first, last]) => `${first}–${last}`);
