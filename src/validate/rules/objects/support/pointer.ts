/** JSON pointer (RFC 6901) from path segments: pointer('spec', 'communities', 0, 'value'). */
export function pointer(...segments: ReadonlyArray<string | number>): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}
