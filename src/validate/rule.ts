import type { KubeObject } from '../model/kube';
import type { Severity } from './finding';

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
