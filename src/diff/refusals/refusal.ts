/**
 * A refusal: a change the live system will refuse, or that breaks something on the way, found
 * before `helmfile apply` fails halfway. Each looks at one compared pair (desired and live object)
 * and the cluster around it, and has a stable id, a severity and a one-line description (the
 * rules table in docs/rules.md lists them with the validation rules).
 */
import type { Check, Hit } from '../../core/findings';
import type { KubeObject } from '../../core/kube';
import type { CrdSchemas } from '../../live/crds';
import type { ComparedPair } from '../compare';
import type { ReleaseOwnership, ReleaseRef } from '../ownership';
import type { ChangeAction } from '../types';

export interface RefusalContext {
  release: ReleaseRef;
  ownership: ReleaseOwnership;
  /** every compared pair of the cluster: live pools a new pool must not overlap */
  pairs: readonly ComparedPair[];
  /** the live IPAM state was read: what pods hold is known, not guessed (its refusals run apart, in src/ipam) */
  ipamStateKnown?: boolean;
  /** the schemas of the Calico CRDs the cluster serves, when read */
  crds?: CrdSchemas;
}

export interface Refusal extends Check {
  severity: 'error' | 'warning';
  /** `<group>/<Kind>`, e.g. `crd.projectcalico.org/IPPool` */
  kinds?: readonly string[];
  actions: readonly (ChangeAction | 'unchanged')[];
  check(pair: ComparedPair, context: RefusalContext): Hit[];
}

export const spec = (object: KubeObject | undefined): Record<string, unknown> => (object?.spec ?? {}) as Record<string, unknown>;
export const name = (pair: ComparedPair) => (pair.desired ?? pair.live)!.metadata.name;

