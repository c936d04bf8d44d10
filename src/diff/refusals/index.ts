/** The refusal rules, and the check that runs them over a cluster's compared pairs. */
import type { Finding } from '../../core/findings';
import { groupOfApiVersion } from '../../core/kube';
import { bgpNodeConfigurationFields, ipamConfigName } from './calico-names';
import { helmOwnershipConflict } from './helm';
import { roleRefImmutable, selectorImmutable } from './immutable';
import { ippoolBlockSizeChanged, ippoolCidrChanged, ippoolDeleteEnabled, ippoolOverlapsLivePool } from './ippool';
import type { RefusalContext, RefusalRule } from './rule';

export type { RefusalContext, RefusalRule } from './rule';

export const refusalRules: readonly RefusalRule[] = [
  ippoolCidrChanged,
  ippoolBlockSizeChanged,
  ippoolOverlapsLivePool,
  ippoolDeleteEnabled,
  selectorImmutable,
  roleRefImmutable,
  helmOwnershipConflict,
  ipamConfigName,
  bgpNodeConfigurationFields,
];

export function checkRefusals(cluster: string, context: RefusalContext, rules: readonly RefusalRule[] = refusalRules): Finding[] {
  const findings: Finding[] = [];
  for (const pair of context.pairs) {
    const subject = (pair.desired ?? pair.live)!;
    const kind = `${groupOfApiVersion(subject.apiVersion)}/${subject.kind}`;
    for (const rule of rules) {
      if (!rule.actions.includes(pair.action) || (rule.kinds && !rule.kinds.includes(kind))) continue;
      for (const refusal of rule.check(pair, context)) {
        findings.push({ rule: rule.id, severity: rule.severity, cluster, object: `${subject.kind}/${subject.metadata.name}`, path: refusal.path, message: refusal.message });
      }
    }
  }
  return findings;
}
