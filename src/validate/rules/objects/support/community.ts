/** BGP community literals: standard `aa:nn` (16-bit parts) or large `aa:nn:mm` (32-bit parts). */
const STANDARD = /^(\d+):(\d+)$/;
const LARGE = /^(\d+):(\d+):(\d+)$/;

/** Whether the text has the shape of a community literal (Calico then checks the bit limits). */
export function looksLikeCommunity(text: string): boolean {
  return STANDARD.test(text) || LARGE.test(text);
}

/** Why a community literal is invalid, or undefined when it is valid. */
export function communityProblem(text: string): string | undefined {
  const large = LARGE.test(text);
  if (!large && !STANDARD.test(text)) {
    return 'expected a standard community aa:nn or a large community aa:nn:mm (decimal numbers)';
  }
  const bits = large ? 32 : 16;
  const max = large ? 4294967295n : 65535n;
  const tooBig = text.split(':').find((part) => BigInt(part) > max);
  if (tooBig !== undefined) {
    return `invalid community value, expected ${bits} bit value: ${tooBig} is greater than ${max}` +
      (large ? '' : ' (use a large community aa:nn:mm for 32-bit parts)');
  }
  return undefined;
}
