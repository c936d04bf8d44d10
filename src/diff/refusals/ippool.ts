/** IPPool changes Calico refuses or that strand addresses (docs/calico-rules.md §2.2). */
import type { KubeObject } from '../../core/kube';
import { CALICO_GROUP, blockSizeOf } from '../../core/calico';
import { canonicalAddress, cidrTextsOverlap } from '../../core/net';
import type { ComparedPair } from '../compare';
import { name, spec, type Refusal } from './refusal';

const IPPOOL = `${CALICO_GROUP}/IPPool`;

/** The block size Calico uses for a pool: as written, else its family's default. */
function effectiveBlockSize(pool: KubeObject): number {
  const { blockSize, cidr } = spec(pool);
  return blockSizeOf(blockSize, String(cidr ?? ''));
}

export const ippoolCidrChanged: Refusal = {
  id: 'ippool-cidr-changed',
  severity: 'error',
  basis: 'change',
  description: "An existing IPPool's cidr changes in place",
  kinds: [IPPOOL],
  actions: ['update'],
  check(pair) {
    const from = String(spec(pair.live).cidr ?? '');
    const to = String(spec(pair.desired).cidr ?? '');
    if (canonicalAddress(from) === canonicalAddress(to)) return [];
    return [{
      path: '/spec/cidr',
      message: `cidr changes from ${from} to ${to}, but Calico forbids changing an IPPool's cidr in place: add a new pool with ${to}, migrate the workloads to it, then disable and remove pool ${name(pair)} (keep its old cidr meanwhile)`,
    }];
  },
};

export const ippoolBlockSizeChanged: Refusal = {
  id: 'ippool-block-size-changed',
  severity: 'error',
  basis: 'change',
  description: "An existing IPPool's blockSize changes in place",
  kinds: [IPPOOL],
  actions: ['update'],
  check(pair) {
    const from = effectiveBlockSize(pair.live!);
    const to = effectiveBlockSize(pair.desired!);
    if (from === to) return [];
    return [{
      path: '/spec/blockSize',
      message: `blockSize changes from ${from} to ${to}, but Calico forbids changing an IPPool's blockSize in place (existing IPAM blocks keep their size): add a new pool with blockSize ${to}, migrate the workloads to it, then disable and remove pool ${name(pair)}`,
    }];
  },
};

export const ippoolOverlapsLivePool: Refusal = {
  id: 'ippool-overlaps-live-pool',
  severity: 'error',
  basis: 'change',
  description: 'A new IPPool overlaps a pool that exists in the cluster (also one the change removes: Helm creates before it deletes)',
  kinds: [IPPOOL],
  actions: ['create'],
  check(pair, context) {
    const cidr = String(spec(pair.desired).cidr ?? '');
    return context.pairs
      .filter((other) => other.live && other.live.kind === 'IPPool' && other !== pair && !keptAsIs(other) && cidrTextsOverlap(cidr, String(spec(other.live).cidr ?? '')))
      .map((other) => ({
        path: '/spec/cidr',
        message: `new pool ${cidr} overlaps IPPool ${other.live!.metadata.name} (${String(spec(other.live).cidr)}) that exists in the cluster, and Calico refuses overlapping pools (Helm creates new objects before it removes old ones): choose a cidr outside ${String(spec(other.live).cidr)}, or remove that pool first`,
      }));
  },
};

/** A pool the change keeps with its cidr: an overlap with it is in the desired state, where validation reports it. */
function keptAsIs(pair: ComparedPair): boolean {
  return pair.desired !== undefined && canonicalAddress(String(spec(pair.desired).cidr ?? '')) === canonicalAddress(String(spec(pair.live).cidr ?? ''));
}

/** The way off a pool that pods use, as Calico documents it (migrate-pools). */
export const POOL_MIGRATION_STEPS =
  '1. add the new pool, 2. keep this one with disabled: true (it gives out no new addresses), 3. move the pods (restart each workload so it takes addresses from the new pool), 4. delete this pool once none of its addresses is in use';

export const ippoolDeleteEnabled: Refusal = {
  id: 'ippool-delete-enabled',
  severity: 'warning',
  basis: 'change',
  description: 'An IPPool that is still enabled leaves the desired state (a pool is removed in steps: add the new one, disable the old, move the pods, delete the old)',
  kinds: [IPPOOL],
  actions: ['delete'],
  check(pair, context) {
    if (spec(pair.live).disabled === true) return [];
    const pool = `IPPool ${name(pair)} (${String(spec(pair.live).cidr)})`;
    const message = context.ownership.inRelease(pair.live!)
      ? `${pool} is enabled and Helm will delete it while pods may still hold its addresses (they lose their routes, and the range may be handed out again): remove a pool in steps: ${POOL_MIGRATION_STEPS}`
      : `${pool} is in no cluster definition and Helm does not own it, so it stays, enabled: Calico may give pods its addresses. Disable and delete it by hand (calicoctl patch ippool ${name(pair)} -p '{"spec":{"disabled":true}}', migrate, then delete)`;
    return [{ path: '/spec/disabled', message }];
  },
};
