/**
 * Go `time.ParseDuration`, which is how Calico decodes `metav1.Duration` fields: a sequence of
 * decimal numbers each with a unit (ns, us, µs, ms, s, m, h), optional sign, `0` alone allowed.
 */
import { entryOf } from '../../../../util/json';

const UNIT_NANOS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  'µs': 1e3, // U+00B5 micro sign
  'μs': 1e3, // U+03BC Greek mu
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

const MAX_NANOS = 9223372036854775807; // int64

/** Why `text` is not a Go duration, or undefined when it is. */
export function durationProblem(text: string): string | undefined {
  let rest = text;
  if (rest.startsWith('-') || rest.startsWith('+')) rest = rest.slice(1);
  if (rest === '0') return undefined;
  if (rest === '') return 'empty duration';
  let total = 0;
  while (rest !== '') {
    const number = /^([0-9]*)(\.([0-9]*))?/.exec(rest)!;
    const [all, whole, , fraction] = number;
    if (whole === '' && (fraction === undefined || fraction === '')) return `expected a number at ${JSON.stringify(rest)}`;
    rest = rest.slice(all.length);
    const unit = /^[^0-9.]*/.exec(rest)![0];
    if (unit === '') return 'missing unit (use ns, us, ms, s, m or h, e.g. "120s")';
    const nanos = entryOf(UNIT_NANOS, unit);
    if (nanos === undefined) return `unknown unit ${JSON.stringify(unit)} (use ns, us, ms, s, m or h)`;
    rest = rest.slice(unit.length);
    total += Number(`${whole || '0'}.${fraction || '0'}`) * nanos;
    if (total > MAX_NANOS) return 'duration is too large';
  }
  return undefined;
}
