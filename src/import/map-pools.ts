/** IPPools → the model's `ipPools`, and GlobalNetworkPolicies → `globalNetworkPolicies`. */
import { isPlainMap, mergeLayers } from '../util/merge';
import { isBoolean, isCidr, isInteger, isOneOf, isString, type Check } from './checks';
import type { LayerMapper } from './mapper';

const ENCAPSULATION = isOneOf(['Always', 'CrossSubnet', 'Never']);
const POOL_KEYS: Record<string, Check> = {
  cidr: isCidr,
  blockSize: isInteger(0, 128),
  ipipMode: ENCAPSULATION,
  vxlanMode: ENCAPSULATION,
  natOutgoing: isBoolean,
  nodeSelector: isString,
  disabled: isBoolean,
  disableBGPExport: isBoolean,
};

export function mapIpPools(m: LayerMapper, value: unknown): void {
  const from = ['IPPools'];
  if (value === null) return removeEveryLowerEntry(m, 'IPPools', 'ipPools');
  if (!isPlainMap(value)) return m.problem(from, `is ${JSON.stringify(value)}, expected a map of pool name → pool`);
  m.note(['ipPools'], from);
  const lowerPools = isPlainMap(m.lower.IPPools) ? m.lower.IPPools : {};
  for (const [name, entry] of Object.entries(value)) {
    const at = [...from, name];
    if (entry === null) {
      m.set(['ipPools', name], null, at);
      continue;
    }
    if (!isPlainMap(entry)) {
      m.problem(at, `is ${JSON.stringify(entry)}, expected a pool {cidr, ...}`);
      continue;
    }
    const pool = completePool(m, name, entry, isPlainMap(lowerPools[name]) ? lowerPools[name] : undefined);
    if (pool) {
      m.set(['ipPools', name], pool, at);
      for (const key of Object.keys(entry)) m.note(['ipPools', name, key], [...at, key]);
    }
  }
}

/**
 * The model replaces a pool whole, the values merge it key by key: a layer that amends a lower
 * pool gets the whole pool. It cannot remove one key of a lower pool.
 */
function completePool(m: LayerMapper, name: string, entry: Record<string, unknown>, lower: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const at = ['IPPools', name];
  let ok = true;
  for (const [key, item] of Object.entries(entry)) {
    const check = POOL_KEYS[key];
    if (!check) {
      m.unknownKey([...at, key], Object.keys(POOL_KEYS), key === 'nat-outgoing' ? ': write natOutgoing' : '');
      ok = false;
    } else if (item === null) {
      if (lower && key in lower) {
        m.problem([...at, key], `~ removes ${key} from a pool a lower file defines; calico-gen replaces pools whole: restate the pool without ${key} in this file`);
        ok = false;
      }
    } else {
      const result = check(item);
      if (!result.ok) {
        m.problem([...at, key], result.reason);
        ok = false;
      }
    }
  }
  const pool = mergeLayers([lower ?? {}, entry]);
  if (typeof pool.cidr !== 'string') {
    m.problem(at, 'pool has no cidr once the layers are merged');
    return undefined;
  }
  return ok && familyChecks(m, at, pool) ? ordered(pool) : undefined;
}

function familyChecks(m: LayerMapper, at: string[], pool: Record<string, unknown>): boolean {
  const ipv6 = (pool.cidr as string).includes(':');
  const [min, max] = ipv6 ? [116, 128] : [20, 32];
  if (pool.blockSize !== undefined && ((pool.blockSize as number) < min || (pool.blockSize as number) > max)) {
    m.problem([...at, 'blockSize'], `is ${String(pool.blockSize)}: an ${ipv6 ? 'IPv6' : 'IPv4'} pool's blockSize is ${min} to ${max}`);
    return false;
  }
  if (ipv6 && pool.ipipMode !== undefined && pool.ipipMode !== 'Never') {
    m.problem([...at, 'ipipMode'], `is ${String(pool.ipipMode)}: Calico has no IPIP for IPv6 pools; use Never or vxlanMode`);
    return false;
  }
  return true;
}

function ordered(pool: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(POOL_KEYS).filter((key) => pool[key] !== undefined).map((key) => [key, pool[key]]));
}

/**
 * Policy specs are copied as written, comments included. The values amend a lower policy key by
 * key, the model replaces a policy whole: a layer that amends a lower policy gets the whole policy.
 */
export function mapGlobalNetworkPolicies(m: LayerMapper, value: unknown): void {
  const from = ['GlobalNetworkPolicies'];
  if (value === null) return removeEveryLowerEntry(m, 'GlobalNetworkPolicies', 'globalNetworkPolicies');
  if (!isPlainMap(value)) return m.problem(from, `is ${JSON.stringify(value)}, expected a map of policy name → spec`);
  m.set(['globalNetworkPolicies'], {}, from);
  const lowerPolicies = isPlainMap(m.lower.GlobalNetworkPolicies) ? m.lower.GlobalNetworkPolicies : {};
  for (const [name, spec] of Object.entries(value)) {
    const at = [...from, name];
    if (spec !== null && !isPlainMap(spec)) {
      m.problem(at, `is ${JSON.stringify(spec)}, expected a GlobalNetworkPolicy spec (a map)`);
      continue;
    }
    const lower = lowerPolicies[name];
    const whole = spec === null ? null : isPlainMap(lower) ? mergeLayers([lower, spec]) : structuredClone(spec);
    m.set(['globalNetworkPolicies', name], whole, at);
    m.noteTree(['globalNetworkPolicies', name], at, spec);
  }
}

/** `~` over a whole map: every entry a lower layer set is removed, one by one. */
function removeEveryLowerEntry(m: LayerMapper, valuesKey: string, modelKey: string): void {
  const lower = isPlainMap(m.lower[valuesKey]) ? Object.keys(m.lower[valuesKey] as object) : [];
  m.set([modelKey], Object.fromEntries(lower.map((name) => [name, null])), [valuesKey]);
}
