/**
 * Which keys of two values trees differ: maps are compared key by key, anything else (lists,
 * scalars) as a whole. A key present on one side only is reported once, not leaf by leaf.
 */
import { isDeepStrictEqual } from 'node:util';
import { isPlainMap } from './merge';
import { compareStrings } from './compare';

export type ValuePath = (string | number)[];

export function changedPaths(before: unknown, after: unknown, at: ValuePath = []): ValuePath[] {
  const found: ValuePath[] = [];
  collectChanges(before, after, [...at], found);
  return found;
}

/** changedPaths into `found`; `at` is extended and restored while descending, and copied only for a change. */
function collectChanges(before: unknown, after: unknown, at: ValuePath, found: ValuePath[]): void {
  // the same value (the same instance, or a primitive equal as isDeepStrictEqual has it) changes nothing
  if (Object.is(before, after)) return;
  if (isPlainMap(before) && isPlainMap(after)) {
    for (const key of keysInOrder(before, after)) {
      at.push(key);
      if (!(key in before) || !(key in after)) found.push([...at]);
      else collectChanges(before[key], after[key], at, found);
      at.pop();
    }
    return;
  }
  const whole = typeof before === 'object' && before !== null && typeof after === 'object' && after !== null;
  if (!whole || !isDeepStrictEqual(before, after)) found.push([...at]);
}

/** Both maps' keys, once each, in byte order: mostly the keys of both, already in that order. */
function keysInOrder(before: object, after: object): string[] {
  const keys = Object.keys(before);
  const others = Object.keys(after);
  let same = keys.length === others.length;
  for (let i = 0; same && i < keys.length; i++) same = keys[i] === others[i] && (i === 0 || compareStrings(keys[i - 1]!, keys[i]!) < 0);
  return same ? keys : [...new Set([...keys, ...others])].sort(compareStrings);
}

/** `BGPPeers.cr1-codfw.ipv4`, `typha.nodeSelector["node-role.kubernetes.io/control-plane"]` */
export function formatValuePath(path: readonly (string | number)[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z0-9_-]+$/.test(segment)) text += text ? `.${segment}` : segment;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}
