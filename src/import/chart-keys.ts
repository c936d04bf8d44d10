/**
 * Which top-level values keys belong to the `calico` chart. The values tree is shared by every
 * release of the helmfile (namespaces, istio, ...): import maps the chart's keys, leaves the
 * others alone, and refuses a key that looks like a misspelt chart key.
 */
import { CHART_KEYS } from '../model/chart-defaults';
import { editDistance } from '../util/suggest';
import type { ImportProblem } from './errors';
import type { ValuesFile } from './values-file';

export interface SplitKeys {
  calico: Record<string, unknown>;
  /** keys for other releases, left alone */
  other: string[];
}

export function splitChartKeys(file: ValuesFile, problems: ImportProblem[]): SplitKeys {
  const calico: Record<string, unknown> = {};
  const other: string[] = [];
  for (const [key, value] of Object.entries(file.data)) {
    if (CHART_KEYS.includes(key)) {
      calico[key] = value;
      continue;
    }
    const meant = misspeltChartKey(key);
    if (meant) {
      problems.push({
        file: file.file,
        keyPath: key,
        line: file.lineOf([key]),
        message: `unknown key: did you mean ${meant}? The chart ignores ${key}, so it has no effect today; rename it to ${meant} or remove it`,
      });
    } else {
      other.push(key);
    }
  }
  return { calico, other };
}

/** Case-insensitive equality, or at most two edits apart for keys long enough not to collide by chance. */
function misspeltChartKey(key: string): string | undefined {
  const lower = key.toLowerCase();
  return CHART_KEYS.find((chartKey) => {
    const candidate = chartKey.toLowerCase();
    if (candidate === lower) return true;
    return Math.min(candidate.length, lower.length) >= 6 && editDistance(candidate, lower) <= 2;
  });
}
