/**
 * Type checks for single values, each saying what it found and what the model allows. A check
 * returns the value to put in the model, or the reason it cannot.
 */
export type CheckResult = { ok: true; value: unknown } | { ok: false; reason: string };
export type Check = (value: unknown) => CheckResult;

const pass = (value: unknown): CheckResult => ({ ok: true, value });
const fail = (reason: string): CheckResult => ({ ok: false, reason });

export function describeValue(value: unknown): string {
  if (value === null) return '~ (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return `${typeof value} ${JSON.stringify(value)}`;
}

export const isString: Check = (value) =>
  typeof value === 'string' ? pass(value) : fail(`is ${describeValue(value)}, expected a string${typeof value === 'number' ? `: quote it ("${String(value)}")` : ''}`);

export const isBoolean: Check = (value) => (typeof value === 'boolean' ? pass(value) : fail(`is ${describeValue(value)}, expected true or false`));

export function isInteger(min: number, max = Number.MAX_SAFE_INTEGER): Check {
  return (value) =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
      ? pass(value)
      : fail(`is ${describeValue(value)}, expected a whole number from ${min} to ${max}`);
}

export function isOneOf(allowed: readonly string[]): Check {
  return (value) => (typeof value === 'string' && allowed.includes(value) ? pass(value) : fail(`is ${describeValue(value)}, expected one of ${allowed.join(', ')}`));
}

export function isMatching(pattern: RegExp, what: string): Check {
  return (value) => {
    const checked = isString(value);
    if (!checked.ok) return checked;
    return pattern.test(value as string) ? checked : fail(`is ${JSON.stringify(value)}, expected ${what}`);
  };
}

/** Kubernetes quantity as the model types it: a string (`700m`, `1.5Gi`). */
export const isQuantity = isMatching(/^[0-9.]+([eE][-+]?[0-9]+|[numkMGTPE]|[KMGTPE]i)?$/, 'a quantity such as "700m" or "1.5Gi"');

export const isCommunity = isMatching(/^[0-9]+:[0-9]+(:[0-9]+)?$/, 'a BGP community "aa:nn" or "aa:nn:mm"');

export const isIpv4Address = isMatching(/^\d+\.\d+\.\d+\.\d+$/, 'an IPv4 address');
export const isIpv6Address = isMatching(/^[0-9A-Fa-f.:]*:[0-9A-Fa-f.:]*$/, 'an IPv6 address');
export const isCidr = isMatching(/^(\d+\.\d+\.\d+\.\d+|[0-9A-Fa-f.:]*:[0-9A-Fa-f.:]*)\/\d+$/, 'a CIDR such as "10.64.0.0/17" or "2001:db8::/64"');
export const isDnsName = isMatching(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'lower-case letters, digits, "-" and "."');

/** `veth_mtu` is a string in the chart; "0" lets Calico detect the MTU. */
export const isVethMtu: Check = (value) => {
  if (typeof value !== 'string' || !/^(0|[1-9][0-9]*)$/.test(value)) {
    return fail(`is ${describeValue(value)}, expected a string of digits such as "1460" ("0" = detect)${typeof value === 'number' ? `: quote it ("${value}")` : ''}`);
  }
  return pass(value === '0' ? 'auto' : Number(value));
};
