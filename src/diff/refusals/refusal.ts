/**
 * A refusal: a change the live system will refuse, or that breaks something on the way, found
 * before `helmfile apply` fails halfway. Each looks at one compared pair (the object before and
 * after the change) and the cluster around it, and has a stable id, a severity and a one-line
 * description (the rules table in docs/rules.md lists them with the validation rules).
 *
 * `diff` compares the desired state with the live one; `review` compares two revisions' desired
 * states (the base revision's objects stand for what is deployed). A refusal says which it needs:
 * `change` ones decide from the two states alone and run in both; `live` ones need what only the
 * live cluster knows (Helm's ownership metadata); `desired` ones judge the new state alone, which
 * validation already does for review.
 */
import type { Check, Hit } from '../../core/findings';
import type { KubeObject } from '../../core/kube';
import type { ComparedPair } from '../compare';
import type { ReleaseRef } from '../ownership';
import type { ChangeAction } from '../types';

export interface RefusalContext {
  release: ReleaseRef;
  /** whether the Helm release owns an object of the state before (every object, in review) */
  ownership: { inRelease(object: KubeObject): boolean };
  /** every compared pair of the cluster: live pools a new pool must not overlap */
  pairs: readonly ComparedPair[];
}

export type RefusalBasis = 'change' | 'live' | 'desired';

export interface Refusal extends Check {
  severity: 'error' | 'warning';
  basis: RefusalBasis;
  /** `<group>/<Kind>`, e.g. `crd.projectcalico.org/IPPool` */
  kinds?: readonly string[];
  actions: readonly (ChangeAction | 'unchanged')[];
  check(pair: ComparedPair, context: RefusalContext): Hit[];
}

export const spec = (object: KubeObject | undefined): Record<string, unknown> => (object?.spec ?? {}) as Record<string, unknown>;
export const name = (pair: ComparedPair) => (pair.desired ?? pair.live)!.metadata.name;
