/**
 * Typed views of a cluster's Calico objects for the cluster rules. Objects that the object rules
 * already reject (a CIDR that does not parse, a peer address that is not an IP) are left out here,
 * so one mistake is reported once, by the rule that owns it.
 */
import { type KubeObject, kindOf, nameOf, refOf, specOf } from '../../../core/kube';
import { parseCidr, type Cidr, type IpAddress } from '../../../core/net';
import { own, stringAt } from '../../../util/json';
import { compareStrings } from '../../../util/compare';
import { memoiseByIdentity, memoiseFrozen } from '../../../util/memo';

export { refOf, specOf };
import { effectiveBlockSize, isDisabled } from '../objects/support/pool';
import { parsePeerIp } from '../objects/support/peer-ip';
import type { ClusterInput } from './input';
import { BLOCK_SIZE_RANGE, isCalicoObject } from '../../../core/calico';

export interface PoolView {
  /** `IPPool/<name>` */
  ref: string;
  name: string;
  cidr: Cidr;
  cidrText: string;
  blockSize: number;
  disabled: boolean;
}

export interface PeerView {
  /** `BGPPeer/<name>` */
  ref: string;
  name: string;
  peerIP: string;
  address: IpAddress;
  port?: number;
  /** spec.node: a peer of that one node only */
  node?: string;
}

/** The cluster's Calico objects of one kind, in their order; the rules ask for a few kinds many times. */
export function calicoObjects(input: ClusterInput, kind: string): readonly KubeObject[] {
  return calicoObjectsByKind(input).get(kind) ?? [];
}

const calicoObjectsByKind = memoiseByIdentity((input: ClusterInput): ReadonlyMap<string, readonly KubeObject[]> => {
  const grouped = new Map<string, KubeObject[]>();
  for (const object of input.objects) {
    const objectKind = kindOf(object);
    if (objectKind === undefined || !isCalicoObject(object)) continue;
    const same = grouped.get(objectKind);
    if (same) same.push(object);
    else grouped.set(objectKind, [object]);
  }
  return grouped;
});

/** The cluster-wide singleton (`BGPConfiguration/default`, `IPAMConfig/default`). */
export function defaultObject(input: ClusterInput, kind: string): KubeObject | undefined {
  return calicoObjects(input, kind).find((object) => nameOf(object) === 'default');
}

/** IP pools whose CIDR and block size Calico accepts, in name order. */
export const poolsOf = memoiseByIdentity((input: ClusterInput): PoolView[] => {
  const pools: PoolView[] = [];
  for (const object of calicoObjects(input, 'IPPool')) {
    const spec = specOf(object);
    const cidrText = stringAt(spec, 'cidr');
    const parsed = cidrText === undefined ? undefined : parseCidr(cidrText);
    if (!parsed?.ok) continue;
    const blockSize = effectiveBlockSize(spec, parsed.value);
    const [smallest, largest] = BLOCK_SIZE_RANGE[parsed.value.family];
    if (!blockSize || blockSize.size < smallest || blockSize.size > largest) continue;
    const name = nameOf(object) ?? '<unnamed>';
    pools.push({ ref: `IPPool/${name}`, name, cidr: parsed.value, cidrText: cidrText!, blockSize: blockSize.size, disabled: isDisabled(spec) });
  }
  return pools.sort((a, b) => compareStrings(a.name, b.name));
});

/** BGP peers with a readable peerIP (peerSelector peers have none); three rules read them. */
export const peersOf = memoiseByIdentity((input: ClusterInput): PeerView[] => readPeers(input));

function readPeers(input: ClusterInput): PeerView[] {
  const peers: PeerView[] = [];
  for (const object of calicoObjects(input, 'BGPPeer')) {
    const peer = peerViewOf(object);
    if (peer) peers.push(peer);
  }
  return peers;
}

/** A fleet's clusters share their routers' BGPPeer objects (frozen), and with them one view of each. */
const peerViewOf = memoiseFrozen((object: KubeObject): Readonly<PeerView> | undefined => {
  const spec = specOf(object);
  const peerIP = stringAt(spec, 'peerIP');
  if (!peerIP) return undefined;
  const parsed = parsePeerIp(peerIP);
  if (!parsed.ok) return undefined;
  const name = nameOf(object) ?? '<unnamed>';
  const node = stringAt(spec, 'node');
  return Object.freeze({ ref: `BGPPeer/${name}`, name, peerIP, address: parsed.ip, port: parsed.port, node: node || undefined });
});

/** A value inside untrusted values: undefined as soon as a step is not a map. */
export function valueAt(root: unknown, ...keys: string[]): unknown {
  let current = root;
  for (const key of keys) current = own(current, key);
  return current;
}

export function familyName(family: 4 | 6): string {
  return family === 4 ? 'IPv4' : 'IPv6';
}
