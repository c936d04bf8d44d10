import type { KubeObject } from '../core/kube';
import type { Severity, SourceLocation } from '../core/findings';
import type { ClusterInput } from './rules/cluster/input';
import type { FleetFacts } from './rules/fleet/facts';
import { describeError } from '../util/errors';

/** What a rule that threw reports instead of aborting the validation of a fleet. */
export function ruleBugMessage(id: string, error: unknown): string {
  return `internal error in rule ${id} (a calico-gen bug): ${describeError(error)}`;
}

/** One problem a rule found; the engine turns it into a located Finding. */
export interface RuleHit {
  /** JSON pointer inside the object (or inside the values document for values rules) */
  path: string;
  message: string;
  /** overrides the rule's default severity (for example capacity: warning at 80 %, error at 100 %) */
  severity?: Severity;
  /** object the hit belongs to, when a cluster/fleet rule reports on one (`IPPool/ipv4`) */
  object?: string;
  /** cluster the hit belongs to, for fleet rules */
  cluster?: string;
}

interface RuleMeta {
  /** stable kebab-case id: never renamed once released */
  id: string;
  severity: Severity;
  /** one line for the README table */
  description: string;
}

/** A rule on one Calico object (IPPool, BGPPeer, BGPConfiguration, IPAMConfig, ...). */
export interface ObjectRule extends RuleMeta {
  scope: 'object';
  /** kinds the rule applies to (`kind` of crd.projectcalico.org/v1) */
  kinds: readonly string[];
  check(object: KubeObject): RuleHit[];
}

/**
 * A rule on one cluster as a whole: its values (when the input has values) and all its Calico
 * objects. A hit names the object it is about (`IPPool/ipv4`), or `values` with a pointer into the
 * values; the engine locates it in the definition, values file or manifest it came from.
 */
export interface ClusterRule extends RuleMeta {
  scope: 'cluster';
  check(cluster: ClusterInput): RuleHit[];
}

/** A fleet rule's hit: always about one cluster's object, and already located (facts carry sources). */
export interface FleetHit extends RuleHit {
  cluster: string;
  object: string;
  source?: SourceLocation;
}

/**
 * A rule across every cluster of the fleet. It reads only the small per-cluster summaries
 * (FleetFacts), so that they can be cached and `validate --cluster X` need not re-synthesise the rest.
 */
export interface FleetRule extends RuleMeta {
  scope: 'fleet';
  check(fleet: readonly FleetFacts[]): FleetHit[];
}
