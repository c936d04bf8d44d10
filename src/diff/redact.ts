/**
 * Keeps secrets out of diffs: nothing of a Secret's data is shown, and release values that look
 * sensitive (./sensitive.ts) are replaced unless --show-secrets. A changed secret still shows as changed.
 */
import { isMap, type Json, type JsonMap } from './field-path';
import { canonicalJson } from './normalise';
import { memoiseFrozen } from '../util/memo';
import { isSensitiveKey, redactShapes } from './sensitive';

export const REDACTED = '<redacted>';
export const REDACTED_CHANGED = '<redacted: changed>';

export { isSensitiveKey } from './sensitive';

type Sensitive = (key: string, container: JsonMap) => boolean;

/**
 * Both sides with sensitive values replaced (src/diff/sensitive.ts: by key, and by shape inside
 * any string); a value that differs shows as changed on the desired side.
 */
export function redactValuesPair(desired: Json | undefined, live: Json | undefined, sensitive: Sensitive = isSensitiveKey): [Json | undefined, Json | undefined] {
  // most values hold nothing to hide: then both sides are shown as they are, without copying either
  if (sensitive === isSensitiveKey && shownAsIs(desired, live)) return [desired, live];
  return redactedPair(desired, live, sensitive);
}

function redactedPair(desired: Json | undefined, live: Json | undefined, sensitive: Sensitive): [Json | undefined, Json | undefined] {
  if (desired === live && typeof desired === 'object' && desired !== null) {
    // one value on both sides (shared, frozen, by clusters with the same routers): nothing differs in it
    const shown = sensitive === isSensitiveKey ? redactedShared(desired) : redactAlone(desired, sensitive);
    return [shown, shown];
  }
  if (isMap(desired) && isMap(live)) {
    const d: JsonMap = {};
    const l: JsonMap = {};
    for (const key of new Set([...Object.keys(desired), ...Object.keys(live)])) {
      // either side may hold the secret: a reference on one side does not make the other's readable
      const hidden = (key in desired && sensitive(key, desired)) || (key in live && sensitive(key, live));
      const [dv, lv] = hidden ? hide(desired[key], live[key]) : redactedPair(desired[key], live[key], sensitive);
      if (dv !== undefined) d[key] = dv;
      if (lv !== undefined) l[key] = lv;
    }
    return [d, l];
  }
  if (Array.isArray(desired) && Array.isArray(live)) {
    const length = Math.max(desired.length, live.length);
    const pairs = Array.from({ length }, (_, i) => redactedPair(desired[i], live[i], sensitive));
    return [pairs.slice(0, desired.length).map(([d]) => d as Json), pairs.slice(0, live.length).map(([, l]) => l as Json)];
  }
  if (typeof desired === 'string' && typeof live === 'string') return redactStringPair(desired, live);
  return [redactAlone(desired, sensitive), redactAlone(live, sensitive)];
}

/**
 * Whether redactedPair would give both sides back as they are, keys in the same order: no key whose
 * value is hidden, no string shaped like a secret, no key without a value (a copy drops it), and the
 * keys the sides share in the same order, the live side's own after them (the copy's order).
 */
function shownAsIs(desired: Json | undefined, live: Json | undefined): boolean {
  if (desired === live && typeof desired === 'object' && desired !== null) return aloneAsIs(desired);
  if (isMap(desired) && isMap(live)) {
    const desiredKeys = Object.keys(desired);
    for (const key of desiredKeys) {
      // (a key one side lacks must not be found on its prototype either: the copy would take that)
      if (isSensitiveKey(key, desired) || desired[key] === undefined || (!hasOwn(live, key) && live[key] !== undefined)) return false;
    }
    let next = 0;
    let ownSeen = false;
    for (const key of Object.keys(live)) {
      if (isSensitiveKey(key, live) || live[key] === undefined) return false;
      if (!hasOwn(desired, key)) {
        ownSeen = true;
        if (desired[key] !== undefined || !aloneAsIs(live[key])) return false;
        continue;
      }
      while (next < desiredKeys.length && desiredKeys[next] !== key) next++;
      if (ownSeen || next === desiredKeys.length) return false;
      next++;
    }
    for (const key of desiredKeys) if (!shownAsIs(desired[key], live[key])) return false;
    return true;
  }
  if (Array.isArray(desired) && Array.isArray(live)) {
    const length = Math.max(desired.length, live.length);
    for (let i = 0; i < length; i++) if (!shownAsIs(desired[i], live[i])) return false;
    return true;
  }
  return aloneAsIs(desired) && (live === desired || aloneAsIs(live));
}

const hasOwn = (map: JsonMap, key: string) => Object.prototype.hasOwnProperty.call(map, key);

/** Whether redactAlone would give the value back as it is. */
function aloneAsIs(value: Json | undefined): boolean {
  if (typeof value === 'string') return redactShapes(value, REDACTED) === value;
  if (Array.isArray(value)) return value.every((item) => aloneAsIs(item));
  if (!isMap(value)) return true;
  return Object.entries(value).every(([key, child]) => !isSensitiveKey(key, value) && aloneAsIs(child));
}

/** redactAlone of a frozen value, once per instance */
const redactedShared = memoiseFrozen((value: JsonMap | Json[]): Json | undefined => redactAlone(value));

/** Two strings whose secrets alone differ still show that they differ. */
function redactStringPair(desired: string, live: string): [string, string] {
  const shownLive = redactShapes(live, REDACTED);
  const shownDesired = redactShapes(desired, REDACTED);
  if (desired !== live && shownDesired === shownLive) return [redactShapes(desired, REDACTED_CHANGED), shownLive];
  return [shownDesired, shownLive];
}

/** One side's value with its secrets hidden (the other side has nothing there). */
export function redactAlone(value: Json | undefined, sensitive: Sensitive = isSensitiveKey): Json | undefined {
  if (typeof value === 'string') return redactShapes(value, REDACTED);
  if (Array.isArray(value)) return value.map((item) => redactAlone(item, sensitive) as Json);
  if (!isMap(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, sensitive(key, value) ? REDACTED : (redactAlone(child, sensitive) as Json)]));
}

function hide(desired: Json | undefined, live: Json | undefined): [Json | undefined, Json | undefined] {
  const changed = desired !== undefined && live !== undefined && canonicalJson(desired) !== canonicalJson(live);
  return [desired === undefined ? undefined : changed ? REDACTED_CHANGED : REDACTED, live === undefined ? undefined : REDACTED];
}

interface SecretLike {
  apiVersion: string;
  kind: string;
  data?: unknown;
  stringData?: unknown;
}

/** A Secret's data and stringData, every key hidden; other objects unchanged. */
export function redactSecretPair<T>(desired: T | undefined, live: T | undefined): { desired?: T; live?: T } {
  const subject = (desired ?? live) as SecretLike | undefined;
  if (!subject || subject.kind !== 'Secret' || subject.apiVersion !== 'v1') return { desired, live };
  const d = desired ? foldInto(structuredClone(desired) as unknown as SecretLike) : undefined;
  const l = live ? foldInto(structuredClone(live) as unknown as SecretLike) : undefined;
  const [dd, ld] = redactValuesPair(d?.data as Json | undefined, l?.data as Json | undefined, () => true);
  if (d && dd !== undefined) d.data = dd;
  if (l && ld !== undefined) l.data = ld;
  return { desired: d as T | undefined, live: l as T | undefined };
}

/** The API server stores stringData base64-encoded under data: a desired Secret compares that way. */
export function foldStringData<T>(object: T): T {
  const secret = object as unknown as SecretLike;
  if (secret.kind !== 'Secret' || secret.apiVersion !== 'v1') return object;
  return foldInto(structuredClone(secret)) as unknown as T;
}

function foldInto(secret: SecretLike): SecretLike {
  if (!isMap(secret.stringData as Json)) return secret;
  const data: Record<string, unknown> = isMap(secret.data as Json) ? { ...(secret.data as JsonMap) } : {};
  for (const [key, value] of Object.entries(secret.stringData as JsonMap)) data[key] = Buffer.from(String(value)).toString('base64');
  delete secret.stringData;
  secret.data = data;
  return secret;
}
