/**
 * The diff's IPAM refusals: the pool changes of the compared pairs (what the release creates,
 * changes or deletes) judged against the live IPAM state by src/ipam.
 */
import { CALICO_GROUP } from '../core/calico';
import type { Finding } from '../core/findings';
import { kindKey, type KubeObject } from '../core/kube';
import type { RefusalContext } from '../diff/refusals';
import { ipamRefusals, poolGeometry, type IpamState, type PoolChange, type PoolGeometry } from '../ipam';
import type { SynthesizedCluster } from '../synth/synthesize';
import { DEFAULT_MAX_PODS_PER_NODE } from '../validate/rules/cluster/input';

const IPPOOL = `${CALICO_GROUP}/IPPool`;

export function ipamRefusalsOf(state: IpamState, synthesized: SynthesizedCluster): (context: RefusalContext) => Finding[] {
  const { spec, name: cluster } = synthesized.cluster;
  // the state's malformed objects come first: they explain a refusal that looks wrong
  return (context) => [
    ...state.warnings,
    ...ipamRefusals({
      changes: poolChanges(context),
      state,
      // Calico reads a cluster without IPAMConfig as strictAffinity false
      strictAffinity: { live: state.config?.strictAffinity ?? false, desired: spec.ipam.strictAffinity },
      maxPodsPerNode: spec.capacity.maxPodsPerNode ?? DEFAULT_MAX_PODS_PER_NODE,
    }).map((refusal) => ({ ...refusal, cluster })),
  ];
}

/** Each IPPool as the release leaves it: created, kept (changed or not), or deleted; a live pool Helm does not own stays as it is. */
export function poolChanges(context: RefusalContext): PoolChange[] {
  const changes: PoolChange[] = [];
  for (const pair of context.pairs) {
    const subject = (pair.desired ?? pair.live)!;
    if (kindKey(subject) !== IPPOOL) continue;
    if (pair.action === 'delete' && !context.ownership.inRelease(pair.live!)) continue;
    const live = geometry(pair.live);
    const desired = geometry(pair.desired);
    changes.push({ name: subject.metadata.name, ...(live ? { live } : {}), ...(desired ? { desired } : {}) });
  }
  return changes;
}

function geometry(object: KubeObject | undefined): PoolGeometry | undefined {
  return object ? poolGeometry(object) : undefined;
}
