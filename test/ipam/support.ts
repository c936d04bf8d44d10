/** Small hand-made IPAM objects for the ipam tests, in the shapes the API serves. */
import { IpamCollector, type IpamState } from '../../src/ipam';
import { blockName } from '../support/ipam/objects';

export type Obj = Record<string, unknown>;
const CALICO = 'crd.projectcalico.org/v1';

export function node(name: string, labels: Record<string, string> = {}): Obj {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels } };
}

export function pool(name: string, cidr: string, blockSize?: number, extra: Obj = {}): Obj {
  return { apiVersion: CALICO, kind: 'IPPool', metadata: { name }, spec: { cidr, ...(blockSize !== undefined ? { blockSize } : {}), ...extra } };
}

export interface BlockOptions {
  affinity?: string;
  /** ordinal → node of the pod holding it (the block's node when undefined) */
  pods?: Record<number, string | undefined>;
  deleted?: boolean;
  size?: number;
}

/** A block whose `pods` ordinals are allocated, each with its own attribute. */
export function block(cidr: string, options: BlockOptions = {}): Obj {
  const prefix = Number(cidr.split('/')[1]);
  const size = options.size ?? 2 ** ((cidr.includes(':') ? 128 : 32) - prefix);
  const allocations: (number | null)[] = new Array<number | null>(size).fill(null);
  const attributes: Obj[] = [];
  const host = options.affinity?.startsWith('host:') ? options.affinity.slice(5) : undefined;
  for (const [ordinal, holder] of Object.entries(options.pods ?? {})) {
    allocations[Number(ordinal)] = attributes.length;
    const podNode = holder ?? host ?? 'unknown-node';
    attributes.push({ handle_id: `k8s-pod-network.${ordinal}${cidr}`, secondary: { namespace: 'default', node: podNode, pod: `pod-${ordinal}`, timestamp: '2025-01-01 00:00:00 +0000 UTC' } });
  }
  const unallocated = allocations.flatMap((value, i) => (value === null && i < 2 ** ((cidr.includes(':') ? 128 : 32) - prefix) ? [i] : []));
  return {
    apiVersion: CALICO,
    kind: 'IPAMBlock',
    metadata: { name: blockName(cidr) },
    spec: { ...(options.affinity ? { affinity: options.affinity } : {}), allocations, attributes, cidr, deleted: options.deleted ?? false, strictAffinity: false, unallocated },
  };
}

export function affinity(nodeName: string, cidr: string, state = 'confirmed', deleted = 'false'): Obj {
  return { apiVersion: CALICO, kind: 'BlockAffinity', metadata: { name: `${nodeName}-${blockName(cidr)}` }, spec: { cidr, deleted, node: nodeName, state, type: 'host' } };
}

export function ipamConfig(strictAffinity: boolean): Obj {
  return { apiVersion: CALICO, kind: 'IPAMConfig', metadata: { name: 'default' }, spec: { autoAllocateBlocks: true, strictAffinity } };
}

export function stateOf(objects: readonly Obj[], cluster = 'test'): IpamState {
  const collector = new IpamCollector(cluster);
  for (const object of objects) collector.add(object);
  return collector.finish();
}
