/**
 * Defensive access to JSON of unknown shape: rules and readers receive whatever YAML held, so
 * nothing here assumes a type and nothing reads inherited properties (`constructor`, `toString`, ...).
 */

export type JsonMap = Record<string, unknown>;

export function isMap(value: unknown): value is JsonMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property, or undefined (never an inherited one). */
export function own(map: unknown, key: string): unknown {
  if (!isMap(map) || !Object.prototype.hasOwnProperty.call(map, key)) return undefined;
  return map[key];
}

/** Set to something: YAML `~`/null counts as unset, as Go decodes it to the zero value. */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** A string field, or undefined when absent or of another type (the type rule reports that). */
export function stringAt(map: unknown, key: string): string | undefined {
  const value = own(map, key);
  return typeof value === 'string' ? value : undefined;
}

/** A non-empty string field; Calico treats "" like an absent field for most string settings. */
export function nonEmptyStringAt(map: unknown, key: string): string | undefined {
  const value = stringAt(map, key);
  return value === '' ? undefined : value;
}

export function booleanAt(map: unknown, key: string): boolean | undefined {
  const value = own(map, key);
  return typeof value === 'boolean' ? value : undefined;
}

export function arrayAt(map: unknown, key: string): unknown[] | undefined {
  const value = own(map, key);
  return Array.isArray(value) ? value : undefined;
}

/** A whole number (YAML may also deliver big integers as bigint), else undefined. */
export function integerAt(map: unknown, key: string): bigint | undefined {
  return asInteger(own(map, key));
}

export function asInteger(value: unknown): bigint | undefined {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  return undefined;
}

/** Own entry of a lookup table keyed by untrusted text (`constructor` is not an entry). */
export function entryOf<T>(table: Readonly<Record<string, T>>, key: unknown): T | undefined {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
