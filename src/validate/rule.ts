/**
 * Validation rules, of three scopes: on one Calico object, on one cluster as a whole, across the
 * fleet. Each has a stable id, a default severity and a one-line description (the rules table in
 * docs/rules.md is generated from them), and is written with `defineRule`.
 */
import { type KubeObject, kindOf, nameOf, specOf } from '../core/kube';
import type { Check, Hit, Severity } from '../core/findings';
import type { JsonMap } from '../util/json';
import { describeError } from '../util/errors';
import type { ClusterInput } from './rules/cluster/input';
import type { FleetFacts } from './rules/fleet/facts';


type RuleMeta = Check;

/** A rule on one Calico object (IPPool, BGPPeer, BGPConfiguration, IPAMConfig, ...). */
export interface ObjectRule extends RuleMeta {
  scope: 'object';
  /** kinds the rule applies to (`kind` of crd.projectcalico.org/v1) */
  kinds: readonly string[];
  check(object: KubeObject): Hit[];
}

/**
 * A rule on one cluster as a whole: its values (when the input has values) and all its Calico
 * objects. A hit names the object it is about (`IPPool/ipv4`), or `values` with a pointer into the
 * values; the engine locates it in the definition, values file or manifest it came from.
 */
export interface ClusterRule extends RuleMeta {
  scope: 'cluster';
  check(cluster: ClusterInput): Hit[];
}

/** A fleet rule's hit: always about one cluster's object, and already located (facts carry sources). */
export interface FleetHit extends Hit {
  cluster: string;
  object: string;
}

/**
 * A rule across every cluster of the fleet. It reads only the small per-cluster summaries
 * (FleetFacts), so that they can be cached and `validate --cluster X` need not re-synthesise the rest.
 */
export interface FleetRule extends RuleMeta {
  scope: 'fleet';
  check(fleet: readonly FleetFacts[]): FleetHit[];
}

export type Rule = ObjectRule | ClusterRule | FleetRule;

/** What an object rule's body sees: the object as given plus its spec (an empty map when missing or not a map). */
export interface ObjectRuleInput {
  object: KubeObject;
  spec: JsonMap;
  /** metadata.name when it is a string */
  name: string | undefined;
  /** kind when it is a string */
  kind: string | undefined;
}

type Definition<R extends Rule, I> = Omit<R, 'check'> & { check(input: I): ReturnType<R['check']> };

/**
 * The one way to write a rule, of any scope. Its check never throws: a failure inside the rule's
 * body becomes a hit that names the bug, instead of aborting the validation of the whole fleet.
 */
export function defineRule(definition: Definition<ObjectRule, ObjectRuleInput>): ObjectRule;
export function defineRule(definition: Definition<ClusterRule, ClusterInput>): ClusterRule;
export function defineRule(definition: Definition<FleetRule, readonly FleetFacts[]>): FleetRule;
export function defineRule(definition: Definition<Rule, never>): Rule {
  const { check, ...meta } = definition as Definition<Rule, unknown>;
  const body = meta.scope === 'object' ? (object: KubeObject) => check(objectInput(object)) : check;
  return {
    ...meta,
    check(input: never) {
      try {
        return body(input);
      } catch (error) {
        const message = `internal error in rule ${meta.id} (a calico-gen bug): ${describeError(error)}`;
        // a fleet hit must name a cluster and an object; one about no cluster concerns every run
        return [meta.scope === 'fleet' ? { cluster: '', object: 'fleet', path: '', message } : { path: '', message }];
      }
    },
  } as Rule;
}

function objectInput(object: KubeObject): ObjectRuleInput {
  return { object, spec: specOf(object), name: nameOf(object), kind: kindOf(object) };
}

/** A hit at `path`, with a severity of its own when given. */
export function hit(path: string, message: string, severity?: Severity): Hit {
  return severity ? { path, message, severity } : { path, message };
}
