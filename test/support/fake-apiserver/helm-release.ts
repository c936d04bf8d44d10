// Helm 3's release record as its Secret storage driver keeps it:
// Secret `sh.helm.release.v1.<release>.v<N>`, type helm.sh/release.v1, whose
// `release` key holds base64(gzip(JSON release)); the Secret's own data
// encoding adds a second base64 on top.
import { gunzipSync, gzipSync } from 'node:zlib';
import type { KubeObject } from '../../../src/core/kube';

export type HelmReleaseStatus = 'deployed' | 'superseded' | 'failed' | 'pending-install' | 'pending-upgrade' | 'uninstalling';

export interface HelmReleaseSpec {
  name: string;
  namespace: string;
  version: number;
  status?: HelmReleaseStatus;
  chart: { name: string; version: string; appVersion?: string };
  /** The user-supplied values (what `helm get values` prints). */
  config: Record<string, unknown>;
  /** The rendered manifests, multi-document YAML. */
  manifest: string;
  /** The chart's own values.yaml, if a test needs `helm get values --all`. */
  chartValues?: Record<string, unknown>;
  /** first_deployed / last_deployed; fixed by default so outputs are stable. */
  time?: string;
}

/** The release JSON, field names as Helm serialises them. */
export function helmReleaseRecord(spec: HelmReleaseSpec): Record<string, unknown> {
  const time = spec.time ?? '2025-05-16T19:01:00Z';
  const status = spec.status ?? 'deployed';
  return {
    name: spec.name,
    info: {
      first_deployed: time,
      last_deployed: time,
      deleted: '',
      description: spec.version === 1 ? 'Install complete' : 'Upgrade complete',
      status,
    },
    chart: {
      metadata: { name: spec.chart.name, version: spec.chart.version, appVersion: spec.chart.appVersion, apiVersion: 'v2', type: 'application' },
      lock: null,
      templates: [],
      values: spec.chartValues ?? {},
      schema: null,
      files: [],
    },
    config: spec.config,
    manifest: spec.manifest,
    version: spec.version,
    namespace: spec.namespace,
  };
}

export function helmReleaseSecretName(release: string, version: number): string {
  return `sh.helm.release.v1.${release}.v${version}`;
}

export function helmReleaseSecret(spec: HelmReleaseSpec): KubeObject {
  const stored = gzipSync(Buffer.from(JSON.stringify(helmReleaseRecord(spec)))).toString('base64');
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'helm.sh/release.v1',
    metadata: {
      name: helmReleaseSecretName(spec.name, spec.version),
      namespace: spec.namespace,
      labels: { name: spec.name, owner: 'helm', status: spec.status ?? 'deployed', version: String(spec.version) },
    },
    data: { release: Buffer.from(stored).toString('base64') },
  };
}

/** The inverse, for tests: the release JSON inside such a Secret. */
export function decodeHelmReleaseSecret(secret: object): Record<string, any> {
  const data = ((secret as { data?: Record<string, string> }).data ?? {});
  const once = Buffer.from(data.release ?? '', 'base64').toString('utf8');
  return JSON.parse(gunzipSync(Buffer.from(once, 'base64')).toString('utf8'));
}
