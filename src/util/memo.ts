/**
 * Remembers a pure function of a string. A fleet repeats the same addresses and CIDRs in every
 * cluster (each router, in every cluster's peers), so parsing each once saves a good share of a
 * fleet's validation. Bounded, so that no input can grow it without limit.
 */
export function memoiseByString<T>(compute: (text: string) => T, limit = 100_000): (text: string) => T {
  const results = new Map<string, T>();
  return (text: string) => {
    let result = results.get(text);
    if (result === undefined && !results.has(text)) {
      result = compute(text);
      if (results.size < limit) results.set(text, result);
    }
    return result as T;
  };
}

/** memoiseByString for a pure function of two strings (an object's name and a path in it), bounded the same way. */
export function memoiseByStrings<T>(compute: (first: string, second: string) => T, limit = 100_000): (first: string, second: string) => T {
  const results = new Map<string, Map<string, T>>();
  let size = 0;
  return (first: string, second: string) => {
    let inner = results.get(first);
    const known = inner?.get(second);
    if (known !== undefined || inner?.has(second)) return known as T;
    const result = compute(first, second);
    if (size < limit) {
      if (!inner) results.set(first, (inner = new Map()));
      inner.set(second, result);
      size++;
    }
    return result;
  };
}

/**
 * Remembers a pure function of an object by identity, for objects nobody changes while they are in
 * use (a cluster's input to the rules, which several rules read): gone with the object.
 */
export function memoiseByIdentity<O extends object, T>(compute: (object: O) => T): (object: O) => T {
  const results = new WeakMap<O, T>();
  return (object: O) => {
    if (results.has(object)) return results.get(object) as T;
    const result = compute(object);
    results.set(object, result);
    return result;
  };
}

/**
 * Remembers a pure function of an object by identity, for frozen objects only: those cannot
 * change, and the manifests stage hands every cluster the same frozen instance of an object the
 * fleet repeats (src/synth/manifests.ts). Other objects are computed each time.
 */
export function memoiseFrozen<O extends object, T>(compute: (object: O) => T): (object: O) => T {
  const remembered = memoiseByIdentity(compute);
  return (object: O) => (typeof object === 'object' && object !== null && Object.isFrozen(object) ? remembered(object) : compute(object));
}

/** Freezes a JSON value and everything in it, so that it can be shared and remembered by identity. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
