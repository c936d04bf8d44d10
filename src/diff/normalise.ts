/**
 * Applies normalisation rules (rule.ts) to a desired object and its live counterpart, so that
 * comparing the two shows only real changes. Each side is normalised on its own except for
 * rebase, which copies server-assigned fields from live into desired.
 */
import { compareStrings } from '../util/compare';
import { memoiseByString } from '../util/memo';
import { canonicalAddress } from '../core/net';
import { isMap, removeAt, setAt, siblings, slots, valueAt, type FieldPath, type Json, type JsonMap, type PathSegment } from './field-path';
import { canonicalQuantity } from '../core/quantity';
import { ruleMatches, type DefaultField, type NormalisationRule } from './normalisation/rule';

export interface KubeLike {
  apiVersion: string;
  kind: string;
  [key: string]: unknown;
}

export interface NormalisedPair<T> {
  desired?: T;
  live?: T;
}

export function normalisePair<T extends KubeLike>(desired: T | undefined, live: T | undefined, rules: readonly NormalisationRule[]): NormalisedPair<T> {
  const subject = desired ?? live;
  if (!subject) return {};
  const matching = rules.filter((rule) => ruleMatches(rule, subject));
  const d = desired ? (structuredClone(desired) as unknown as JsonMap) : undefined;
  const l = live ? (structuredClone(live) as unknown as JsonMap) : undefined;
  for (const side of [d, l]) if (side) for (const rule of matching) for (const path of rule.ignore ?? []) for (const slot of slots(side, path)) removeAt(slot);
  if (d && l) for (const rule of matching) for (const path of rule.rebase ?? []) rebase(d, l, path);
  for (const side of [d, l]) if (side) normaliseSide(side, matching);
  return { desired: d as unknown as T | undefined, live: l as unknown as T | undefined };
}

function normaliseSide(object: JsonMap, rules: readonly NormalisationRule[]): void {
  for (const rule of rules) {
    transform(object, rule.intOrString, (value) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value));
    transform(object, rule.quantities, (value) => (typeof value === 'string' || typeof value === 'number' ? canonicalQuantity(value) : value));
    transform(object, rule.addresses, (value) => (typeof value === 'string' ? canonicalAddress(value) : value));
  }
  sortSets(object, rules);
  const defaulted = rules.flatMap((rule) => (rule.defaults ?? []).flatMap((field) => defaultedSlots(object, field)));
  for (const slot of defaulted) removeAt(slot);
  prune(object);
  // removing defaults changes how set elements sort
  sortSets(object, rules);
}

function transform(object: JsonMap, paths: readonly FieldPath[] | undefined, change: (value: Json) => Json): void {
  for (const path of paths ?? []) {
    for (const slot of slots(object, path)) {
      const value = valueAt(slot);
      if (value !== undefined) setAt(slot, change(value));
    }
  }
}

/** A rule's pattern, compiled once (no `g` flag: testing keeps no state). */
const pattern = memoiseByString((source) => new RegExp(source));

function sortSets(object: JsonMap, rules: readonly NormalisationRule[]): void {
  for (const rule of rules) {
    for (const path of rule.sets ?? []) {
      for (const slot of slots(object, path)) {
        const value = valueAt(slot);
        if (!Array.isArray(value)) continue;
        // each element's key once, not once per comparison
        const keyed = value.map((element) => ({ element, key: canonicalJson(element) }));
        setAt(slot, keyed.sort((a, b) => compareStrings(a.key, b.key)).map(({ element }) => element));
      }
    }
  }
}

function defaultedSlots(object: JsonMap, field: DefaultField) {
  return slots(object, field.path).filter((slot) => {
    const value = valueAt(slot);
    if (value === undefined) return false;
    const around = siblings(slot) ?? {};
    if (field.when) {
      const other = around[field.when.field];
      if (other === undefined || !pattern(field.when.matches).test(String(other))) return false;
    }
    const expected = field.sameAs !== undefined ? around[field.sameAs] : field.value;
    return expected !== undefined && canonicalJson(value) === canonicalJson(expected);
  });
}

/** Copies what live has at `path` into desired wherever desired leaves it out (lists aligned by index). */
function rebase(desired: unknown, live: unknown, path: FieldPath): void {
  const [segment, ...rest] = path as [PathSegment, ...PathSegment[]];
  if (segment === undefined) return;
  for (const [key, d, l] of pairs(desired, live, segment)) {
    if (rest.length > 0) rebase(d, l, rest);
    else if (d === undefined && l !== undefined) (desired as Record<string | number, Json>)[key] = structuredClone(l) as Json;
  }
}

function pairs(desired: unknown, live: unknown, segment: PathSegment): [string | number, unknown, unknown][] {
  if (typeof segment === 'string') return isMap(desired) && isMap(live) ? [[segment, desired[segment], live[segment]]] : [];
  if ('allIndexes' in segment) {
    if (!Array.isArray(desired) || !Array.isArray(live)) return [];
    return desired.slice(0, live.length).map((d, index) => [index, d, live[index]]);
  }
  if (!isMap(desired) || !isMap(live)) return [];
  return Object.keys(desired).map((key) => [key, desired[key], live[key]]);
}

/** `null`, `{}` and `[]` mean "not set" in the Kubernetes API: remove them from maps. */
export function prune(value: unknown): void {
  if (Array.isArray(value)) {
    for (let i = value.length - 1; i >= 0; i--) {
      if (value[i] === null) value.splice(i, 1);
      else prune(value[i]);
    }
    return;
  }
  if (!isMap(value)) return;
  for (const [key, child] of Object.entries(value)) {
    prune(child);
    if (child === null || child === undefined || (Array.isArray(child) && child.length === 0) || (isMap(child) && Object.keys(child).length === 0)) {
      delete value[key];
    }
  }
}

/** JSON with map keys sorted: equal for equal values whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isMap(value)) {
    const keys = Object.keys(value).filter((key) => value[key] !== undefined).sort(compareStrings);
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
