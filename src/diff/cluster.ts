/** One cluster's diff: desired objects and values against the live state, with what will be refused. */
import type { SynthesizedCluster } from '../synth/synthesize';
import type { LiveState } from '../live/types';
import { planObjects } from './compare';
import { sortFindings, type Finding } from '../core/findings';
import { checkRefusals, type RefusalContext } from './refusals';
import { ipamNotRead } from './refusals/ipam-state';
import { notReadFinding, releaseFindings } from './refusals/release';
import { builtInNormalisationRules } from './normalisation';
import type { NormalisationRule } from './normalisation/rule';
import type { ClusterDiff } from './types';
import { diffValues } from './values';

export interface DiffInput {
  synthesized: SynthesizedCluster;
  live: LiveState;
  showSecrets?: boolean;
  normalisationRules?: readonly NormalisationRule[];
  /**
   * What the live IPAM state refuses, when it was read: src/ipam decides from the compared pairs
   * (src/diff reads no IPAM state itself). Without it, pool changes are judged from the objects alone.
   */
  ipamRefusals?: (context: RefusalContext) => Finding[];
}

export function diffCluster(input: DiffInput): ClusterDiff {
  const { synthesized, live } = input;
  const cluster = synthesized.cluster.name;
  const release = synthesized.cluster.spec.release;
  const plan = planObjects(synthesized.manifests, live, release, input.normalisationRules ?? builtInNormalisationRules);
  const context: RefusalContext = { release, ownership: plan.ownership, pairs: plan.pairs, ipamStateKnown: input.ipamRefusals !== undefined, ...(live.crds ? { crds: live.crds } : {}) };
  const findings = [
    ...checkRefusals(cluster, context),
    ...(input.ipamRefusals ? input.ipamRefusals(context) : ipamNotRead(cluster, context)),
    ...releaseFindings(cluster, release, live),
    ...[...plan.notRead].map(([kind, count]) => notReadFinding(cluster, kind, count)),
  ];
  const count = (action: string) => plan.changes.filter((change) => change.action === action).length;
  return {
    cluster,
    source: describeSource(live),
    release,
    changes: plan.changes,
    values: diffValues(synthesized.values, live.values, input.showSecrets ?? false),
    summary: { create: count('create'), update: count('update'), delete: count('delete'), unchanged: plan.unchanged },
    findings: sortFindings(findings),
  };
}

/** Where the live state came from, and which release revision it holds. */
function describeSource(live: LiveState): string {
  const deployed = live.release;
  if (!deployed) return live.source;
  return `${live.source}, release ${deployed.name} revision ${deployed.revision} (chart ${deployed.chart.name}-${deployed.chart.version}, ${deployed.status})`;
}
