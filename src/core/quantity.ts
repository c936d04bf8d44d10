/**
 * Kubernetes resource quantities (k8s.io/apimachinery resource.Quantity) in the canonical form the
 * API server stores them in, so that `1.5Gi` and `1536Mi`, `0.5` and `500m` compare equal and a
 * diff shows what `kubectl get` shows.
 */
const BINARY: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])|[eE]([+-]?\d+))?$/;
const NANO = 10n ** 9n;
const MAX_EXPONENT = 100;

interface Parsed {
  /** the value in units of 10^-9, rounded up as the API server rounds */
  nanos: bigint;
  binary: boolean;
}

export function parseQuantity(text: string): Parsed | undefined {
  const match = QUANTITY.exec(text.trim());
  if (!match) return undefined;
  const [, sign, number, suffix = '', exponent] = match;
  // 1e999999999 would take forever to expand, and is no quantity anyone means
  if (exponent !== undefined && Math.abs(Number(exponent)) > MAX_EXPONENT) return undefined;
  const [whole, fraction = ''] = number!.split('.');
  let numerator = BigInt(`${whole || '0'}${fraction}`);
  let power = -fraction.length + 9; // in nanos
  if (suffix in BINARY) numerator *= 1024n ** BigInt(BINARY[suffix]!);
  else power += exponent !== undefined ? Number(exponent) : DECIMAL[suffix]!;
  const nanos = power >= 0 ? numerator * 10n ** BigInt(power) : ceilDivide(numerator, 10n ** BigInt(-power));
  return { nanos: sign === '-' ? -nanos : nanos, binary: suffix in BINARY };
}

function ceilDivide(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

/** The API server's canonical text of a quantity, or the input unchanged when it is not one. */
export function canonicalQuantity(value: string | number): string | number {
  const parsed = parseQuantity(String(value));
  if (!parsed) return value;
  const { nanos, binary } = parsed;
  const magnitude = nanos < 0n ? -nanos : nanos;
  const sign = nanos < 0n ? '-' : '';
  // binary suffixes only for whole numbers of at least 1024, as resource.Quantity does
  if (binary && magnitude % NANO === 0n && magnitude >= 1024n * NANO) return sign + binaryText(magnitude / NANO);
  return sign + decimalText(magnitude);
}

function binaryText(units: bigint): string {
  const suffixes = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
  let power = 0;
  while (power < 6 && units % 1024n === 0n) {
    units /= 1024n;
    power++;
  }
  return `${units}${suffixes[power]}`;
}

function decimalText(nanos: bigint): string {
  if (nanos === 0n) return '0';
  const suffixes: [string, number][] = [['E', 18], ['P', 15], ['T', 12], ['G', 9], ['M', 6], ['k', 3], ['', 0], ['m', -3], ['u', -6], ['n', -9]];
  for (const [suffix, power] of suffixes) {
    const divisor = 10n ** BigInt(power + 9);
    if (nanos % divisor === 0n) return `${nanos / divisor}${suffix}`;
  }
  return `${nanos}n`;
}
