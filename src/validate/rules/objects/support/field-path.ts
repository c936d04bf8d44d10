/** A path as a person writes it: `spec.communities[0].value`. */
export function dottedPath(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const segment of path) {
    out += typeof segment === 'number' ? `[${segment}]` : out === '' ? segment : `.${segment}`;
  }
  return out;
}
