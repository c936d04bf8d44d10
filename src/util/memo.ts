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
