/**
 * The release values against the deployed ones. Both sides get the chart's defaults merged in,
 * as Helm renders with them, so a key written out that equals its chart default is no change.
 */
import { effectiveValues } from '../model/chart-defaults';
import type { Json } from './field-path';
import { canonicalJson, prune } from './normalise';
import { redactValuesPair } from './redact';
import { unifiedDiff, yamlText } from './unified';
import type { ValuesDiff } from './types';

export const NO_VALUES_DIFF: ValuesDiff = { changed: false, diff: '' };

/**
 * `deployed` null: there is no release (an install: every value is new); undefined: the deployed
 * values are unknown and nothing is compared.
 */
export function diffValues(desired: unknown, deployed: Record<string, unknown> | null | undefined, showSecrets: boolean): ValuesDiff {
  if (deployed === undefined) return { ...NO_VALUES_DIFF, compared: false };
  const want = comparable(desired);
  const have = deployed === null ? undefined : comparable(deployed);
  if (canonicalJson(want) === canonicalJson(have)) return NO_VALUES_DIFF;
  const [shownWant, shownHave] = showSecrets ? [want, have] : redactValuesPair(want, have);
  const diff = unifiedDiff(have === undefined ? '/dev/null' : 'live/values', 'desired/values', yamlText(shownHave), yamlText(shownWant));
  return { changed: true, diff };
}

function comparable(values: unknown): Json {
  const effective = structuredClone(effectiveValues(values ?? {})) as unknown as Json;
  prune(effective);
  return effective;
}
