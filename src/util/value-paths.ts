/**
 * Which keys of two values trees differ: maps are compared key by key, anything else (lists,
 * scalars) as a whole. A key present on one side only is reported once, not leaf by leaf.
 */
import { isDeepStrictEqual } from 'node:util';
import { isPlainMap } from './merge';
import { compareStrings } from './compare';

export type ValuePath = (string | number)[];

export function changedPaths(before: unknown, after: unknown, at: ValuePath = []): ValuePath[] {
  if (isPlainMap(before) && isPlainMap(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(compareStrings);
    return keys.flatMap((key) => {
      if (!(key in before) || !(key in after)) return [[...at, key]];
      return changedPaths(before[key], after[key], [...at, key]);
    });
  }
  return isDeepStrictEqual(before, after) ? [] : [at];
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
