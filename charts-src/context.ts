import type { CalicoValues } from '../src/model/chart-values';

/** What one chart instance needs: the values as Helm sees them (chart defaults merged in) and the release. */
export interface ChartInput {
  values: CalicoValues & Record<string, unknown>;
  release: { name: string; namespace: string };
  chart: { name: string; version: string; appVersion: string };
}

/** The labels the chart puts on every object. */
export function chartLabels(input: ChartInput): Record<string, string> {
  return {
    'app.kubernetes.io/instance': input.release.name,
    'app.kubernetes.io/managed-by': 'Helm',
    'app.kubernetes.io/name': 'calico',
    'app.kubernetes.io/version': input.chart.appVersion,
    'helm.sh/chart': `${input.chart.name}-${input.chart.version}`,
  };
}

/** `<repository>/<imageName>:v<tag or appVersion>`: the chart adds the `v` itself. */
export function imageRef(input: ChartInput, imageName: string): string {
  const tag = input.values.image.tag || input.chart.appVersion;
  return `${input.values.image.repository}/${imageName}:v${tag}`;
}
