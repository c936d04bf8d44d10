/**
 * Builders for the objects a cluster's IPAM state is made of, in the shapes the Kubernetes API
 * serves them with Calico 3.30's Kubernetes datastore (crd.projectcalico.org/v1) and as
 * `kubectl get -o json|yaml` prints them: server-set metadata included, keys as Go marshals them.
 */
import { formatCidr, type Cidr } from '../../../src/core/net';
import type { Random } from './random';

export type Obj = Record<string, unknown>;

const CALICO = 'crd.projectcalico.org/v1';

/** Calico's `names.CIDRToName`: `10.194.128.0/26` → `10-194-128-0-26`. */
export function blockName(cidr: string): string {
  return cidr.replace(/[.:/]/g, '-');
}

/** Server-set metadata, deterministic per seed. */
export class Metadata {
  private version = 40_000_000;

  constructor(private readonly random: Random) {}

  of(name: string, extra: Obj = {}): Obj {
    this.version += this.random.int(1, 40);
    return {
      creationTimestamp: this.timestamp(),
      ...extra,
      name,
      resourceVersion: String(this.version),
      uid: `${this.random.hex(8)}-${this.random.hex(4)}-4${this.random.hex(3)}-a${this.random.hex(3)}-${this.random.hex(12)}`,
    };
  }

  timestamp(): string {
    const day = this.random.int(1, 28).toString().padStart(2, '0');
    const hour = this.random.int(0, 23).toString().padStart(2, '0');
    const minute = this.random.int(0, 59).toString().padStart(2, '0');
    return `2025-0${this.random.int(1, 9)}-${day}T${hour}:${minute}:${this.random.int(10, 59)}Z`;
  }
}

export interface NodeShape {
  name: string;
  labels: Record<string, string>;
  internalIp: string;
}

export function nodeObject(node: NodeShape, metadata: Metadata, random: Random): Obj {
  const when = metadata.timestamp();
  const condition = (type: string, status: string, reason: string, message: string) => ({ lastHeartbeatTime: when, lastTransitionTime: when, message, reason, status, type });
  const resources = { cpu: '32', 'ephemeral-storage': '479151816Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '131826660Ki', pods: '110' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: metadata.of(node.name, {
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'projectcalico.org/IPv4Address': `${node.internalIp}/24`,
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
      labels: node.labels,
    }),
    spec: { providerID: `metal://${node.name}` },
    status: {
      addresses: [{ address: node.internalIp, type: 'InternalIP' }, { address: node.name, type: 'Hostname' }],
      allocatable: resources,
      capacity: resources,
      conditions: [
        condition('NetworkUnavailable', 'False', 'CalicoIsUp', 'Calico is running on this node'),
        condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: random.hex(32),
        containerRuntimeVersion: 'containerd://1.7.24',
        kernelVersion: '6.1.0-31-amd64',
        kubeProxyVersion: 'v1.31.9',
        kubeletVersion: 'v1.31.9',
        machineID: random.hex(32),
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        systemUUID: random.hex(32),
      },
    },
  };
}

export interface PoolShape {
  name: string;
  cidr: string;
  blockSize: number;
  nodeSelector?: string;
  disabled?: boolean;
}

export function ipPoolObject(pool: PoolShape, metadata: Metadata): Obj {
  return {
    apiVersion: CALICO,
    kind: 'IPPool',
    metadata: metadata.of(pool.name, { generation: 1 }),
    spec: {
      allowedUses: ['Workload', 'Tunnel'],
      blockSize: pool.blockSize,
      cidr: pool.cidr,
      ...(pool.disabled ? { disabled: true } : {}),
      ipipMode: 'Never',
      natOutgoing: true,
      nodeSelector: pool.nodeSelector ?? 'all()',
      vxlanMode: 'Never',
    },
  };
}

export function ipamConfigObject(strictAffinity: boolean, metadata: Metadata): Obj {
  return { apiVersion: CALICO, kind: 'IPAMConfig', metadata: metadata.of('default', { generation: 1 }), spec: { autoAllocateBlocks: true, maxBlocksPerHost: 0, strictAffinity } };
}

/** One allocated address: the pod (or, with `node` only, another owner) holding it. */
export interface AllocationShape {
  ordinal: number;
  handleId: string;
  node: string;
  namespace?: string;
  pod?: string;
}

export interface BlockShape {
  cidr: Cidr;
  /** `host:<node>`, `virtual:<name>`, or none */
  affinity?: string;
  allocations: AllocationShape[];
  deleted?: boolean;
}

/** An IPAMBlock as Calico writes it: allocations index attributes, unallocated lists the free ordinals. */
export function ipamBlockObject(block: BlockShape, metadata: Metadata, random: Random): Obj {
  const size = 2 ** ((block.cidr.family === 4 ? 32 : 128) - block.cidr.prefix);
  const allocations: (number | null)[] = new Array<number | null>(size).fill(null);
  const sequence: Record<string, number> = {};
  const attributes = block.allocations.map((allocation, index) => {
    allocations[allocation.ordinal] = index;
    sequence[String(allocation.ordinal)] = random.int(0, 400);
    return {
      handle_id: allocation.handleId,
      secondary: allocation.pod
        ? { namespace: allocation.namespace, node: allocation.node, pod: allocation.pod, timestamp: `${metadata.timestamp().replace('T', ' ').replace('Z', '')}.${random.int(100000000, 999999999)} +0000 UTC` }
        : { node: allocation.node, type: 'ipipTunnelAddress' },
    };
  });
  const free = allocations.flatMap((value, ordinal) => (value === null ? [ordinal] : []));
  // Calico hands out the front of `unallocated` and appends released ordinals at the back
  const released = random.int(0, Math.min(8, free.length));
  const unallocated = [...free.slice(released), ...random.shuffle(free.slice(0, released))];
  const cidr = formatCidr(block.cidr);
  return {
    apiVersion: CALICO,
    kind: 'IPAMBlock',
    metadata: metadata.of(blockName(cidr), { generation: random.int(1, 600) }),
    spec: {
      ...(block.affinity !== undefined ? { affinity: block.affinity } : {}),
      allocations,
      attributes,
      cidr,
      deleted: block.deleted ?? false,
      sequenceNumber: random.int(400, 900),
      sequenceNumberForAllocation: sequence,
      strictAffinity: false,
      unallocated,
    },
  };
}

export function blockAffinityObject(node: string, cidr: string, state: string, metadata: Metadata): Obj {
  return {
    apiVersion: CALICO,
    kind: 'BlockAffinity',
    metadata: metadata.of(`${node}-${blockName(cidr)}`, { generation: 1 }),
    spec: { cidr, deleted: 'false', node, state, type: 'host' },
  };
}

export function ipamHandleObject(handleId: string, blocks: Record<string, number>, metadata: Metadata): Obj {
  return {
    apiVersion: CALICO,
    kind: 'IPAMHandle',
    metadata: metadata.of(handleId.toLowerCase(), { generation: 1 }),
    spec: { block: blocks, deleted: false, handleID: handleId },
  };
}
