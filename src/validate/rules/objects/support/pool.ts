import { parseCidr, type Cidr } from '../../../../core/net';
import { booleanAt, integerAt, own, stringAt, type JsonMap } from '../../../../util/json';
import { DEFAULT_BLOCK_SIZE } from '../../../../core/calico';

/** The pool's CIDR when spec.cidr parses; rules about other fields need its family. */
export function poolCidr(spec: JsonMap): Cidr | undefined {
  const text = stringAt(spec, 'cidr');
  if (text === undefined) return undefined;
  const parsed = parseCidr(text);
  return parsed.ok ? parsed.value : undefined;
}

/** blockSize after Calico's defaulting (absent or 0 → 26 / 122); undefined when not an integer. */
export function effectiveBlockSize(spec: JsonMap, cidr: Cidr): { size: number; defaulted: boolean } | undefined {
  const raw = own(spec, 'blockSize');
  if (raw === undefined || raw === null) return { size: DEFAULT_BLOCK_SIZE[cidr.family], defaulted: true };
  const value = integerAt(spec, 'blockSize');
  if (value === undefined) return undefined;
  if (value === 0n) return { size: DEFAULT_BLOCK_SIZE[cidr.family], defaulted: true };
  return { size: Number(value), defaulted: false };
}

/** An encapsulation mode that turns tunnelling on: anything set other than Never (Calico compares
 * exactly; a miscased "never" is reported by the mode rules, not counted as enabled here). */
export function encapsulationEnabled(spec: JsonMap, field: 'ipipMode' | 'vxlanMode'): string | undefined {
  const mode = stringAt(spec, field);
  if (mode === undefined || mode === '' || mode.toLowerCase() === 'never') return undefined;
  return mode;
}

export function isDisabled(spec: JsonMap): boolean {
  return booleanAt(spec, 'disabled') === true;
}
