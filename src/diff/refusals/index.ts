/** The refusals, and the check that runs them over a cluster's compared pairs. */
import { findingOf, type Finding } from '../../core/findings';
import { kindKey } from '../../core/kube';
import { asNumberChanged, peerAsNumberChanged, strictAffinityDisabled } from './bgp';
import { bgpNodeConfigurationFields, ipamConfigName } from './calico-names';
import { helmOwnershipConflict } from './helm';
import { roleRefImmutable, selectorImmutable } from './immutable';
import { ippoolBlockSizeChanged, ippoolCidrChanged, ippoolDeleteEnabled, ippoolOverlapsLivePool } from './ippool';
import type { RefusalContext, Refusal } from './refusal';

export type { RefusalContext, Refusal, RefusalBasis } from './refusal';
export { POOL_MIGRATION_STEPS } from './ippool';

export const refusals: readonly Refusal[] = [
  ippoolCidrChanged,
  ippoolBlockSizeChanged,
  ippoolOverlapsLivePool,
  ippoolDeleteEnabled,
  strictAffinityDisabled,
  asNumberChanged,
  peerAsNumberChanged,
  selectorImmutable,
  roleRefImmutable,
  helmOwnershipConflict,
  ipamConfigName,
  bgpNodeConfigurationFields,
];

/**
 * The refusals decided from the states before and after a change alone: the one set of rules that
 * `review` applies between two revisions and `diff` between the live cluster and the definitions.
 */
export const changeRefusals: readonly Refusal[] = refusals.filter((refusal) => refusal.basis === 'change');

export function checkRefusals(cluster: string, context: RefusalContext, checked: readonly Refusal[] = refusals): Finding[] {
  const findings: Finding[] = [];
  for (const pair of context.pairs) {
    const subject = (pair.desired ?? pair.live)!;
    const about = { cluster, object: `${subject.kind}/${subject.metadata.name}` };
    for (const refusal of checked) {
      if (!refusal.actions.includes(pair.action) || (refusal.kinds && !refusal.kinds.includes(kindKey(subject)))) continue;
      for (const hit of refusal.check(pair, context)) findings.push(findingOf(refusal, hit, about));
    }
  }
  return findings;
}
