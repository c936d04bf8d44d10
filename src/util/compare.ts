/** Byte order, as Go's sort.Strings and Helm's map iteration use: independent of the locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
