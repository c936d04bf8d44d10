/**
 * Field paths in the form kapp's rebase and ignore rules use: a list of map keys, where
 * `{ allIndexes: true }` stands for every element of a list and `{ allKeys: true }` for every
 * value of a map. Keys are literal, so `kubectl.kubernetes.io/last-applied-configuration` needs
 * no escaping.
 */
export type PathSegment = string | { allIndexes: true } | { allKeys: true };
export type FieldPath = readonly PathSegment[];

/** Every element of a list. */
export const ALL: PathSegment = { allIndexes: true };
/** Every value of a map. */
export const ANY_KEY: PathSegment = { allKeys: true };

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonMap = { [key: string]: Json };

export function isMap(value: unknown): value is JsonMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Where a path ends: the container holding the field and the field's key or index. */
export interface FieldSlot {
  parent: JsonMap | Json[];
  key: string | number;
}

/**
 * Every slot the path reaches in `root`, whether or not the last key is present (a default or a
 * rebase needs to know where a field would go). Intermediate containers must exist.
 */
export function slots(root: unknown, path: FieldPath): FieldSlot[] {
  if (path.length === 0) return [];
  let parents: unknown[] = [root];
  for (const segment of path.slice(0, -1)) parents = parents.flatMap((parent) => children(parent, segment));
  const last = path[path.length - 1]!;
  return parents.flatMap((parent) => lastSlots(parent, last));
}

function children(parent: unknown, segment: PathSegment): unknown[] {
  if (typeof segment === 'string') return isMap(parent) && parent[segment] !== undefined ? [parent[segment]] : [];
  if ('allIndexes' in segment) return Array.isArray(parent) ? parent : [];
  return isMap(parent) ? Object.values(parent) : [];
}

function lastSlots(parent: unknown, segment: PathSegment): FieldSlot[] {
  if (typeof segment === 'string') return isMap(parent) ? [{ parent, key: segment }] : [];
  if ('allIndexes' in segment) return Array.isArray(parent) ? parent.map((_, index) => ({ parent, key: index })) : [];
  return isMap(parent) ? Object.keys(parent).map((key) => ({ parent, key })) : [];
}

export function valueAt(slot: FieldSlot): Json | undefined {
  return (slot.parent as Record<string | number, Json>)[slot.key];
}

export function setAt(slot: FieldSlot, value: Json): void {
  (slot.parent as Record<string | number, Json>)[slot.key] = value;
}

/** Removes a map key; a list element becomes `null` so that the other slots keep their index (pruned later). */
export function removeAt(slot: FieldSlot): void {
  if (Array.isArray(slot.parent)) slot.parent[slot.key as number] = null;
  else delete slot.parent[slot.key as string];
}

/** The field's siblings: the map that holds it (for `sameAs` and `when`). */
export function siblings(slot: FieldSlot): JsonMap | undefined {
  return isMap(slot.parent) ? slot.parent : undefined;
}

/** `spec.template.spec.containers[*].image`: how messages and docs show a path. */
export function formatPath(path: FieldPath): string {
  return path
    .map((segment) => (typeof segment === 'string' ? (/^[A-Za-z_][\w-]*$/.test(segment) ? `.${segment}` : `[${JSON.stringify(segment)}]`) : 'allIndexes' in segment ? '[*]' : '.*'))
    .join('')
    .replace(/^\./, '');
}
