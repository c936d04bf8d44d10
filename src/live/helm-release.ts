/**
 * Helm 3's release record from its Secret storage: Secret `sh.helm.release.v1.<release>.v<N>`
 * (type helm.sh/release.v1) whose `release` key is base64 of gzip of the release JSON, with the
 * Secret's own base64 on top (helm/pkg/storage/driver/util.go).
 */
import { gunzipSync } from 'node:zlib';
import { yamlValue } from '../util/yaml-value';
import { DEFAULT_MAX_INPUT_BYTES } from '../util/input-file';
import { parseAllDocuments } from 'yaml';
import type { KubeObject, ObjectRef } from '../core/kube';
import { UserError } from '../util/errors';
import type { HelmRelease } from './types';

const GZIP_MAGIC = [0x1f, 0x8b, 0x08];

export function releaseSecretPrefix(release: string): string {
  return `sh.helm.release.v1.${release}.v`;
}

/** Helm's own labels on its release Secrets: what a list by label selector asks for. */
export function releaseLabelSelector(release: string): string {
  return `owner=helm,name=${release}`;
}

export function isReleaseSecret(object: KubeObject, release?: string): boolean {
  if (object.kind !== 'Secret' || object.apiVersion !== 'v1') return false;
  const prefix = release ? releaseSecretPrefix(release) : 'sh.helm.release.v1.';
  return object.metadata.name.startsWith(prefix) && (object.type === undefined || object.type === 'helm.sh/release.v1');
}

function revisionOf(secret: KubeObject): number {
  const fromLabel = Number(secret.metadata.labels?.version);
  if (Number.isInteger(fromLabel) && fromLabel > 0) return fromLabel;
  return Number(/\.v(\d+)$/.exec(secret.metadata.name)?.[1] ?? 0);
}

/** The newest revision among the release's Secrets, decoded; null when there is none. */
export function newestRelease(secrets: readonly KubeObject[], release: string, namespace: string): HelmRelease | null {
  const candidates = secrets.filter((s) => isReleaseSecret(s, release) && (s.metadata.namespace ?? namespace) === namespace);
  if (candidates.length === 0) return null;
  const newest = candidates.reduce((a, b) => (revisionOf(b) > revisionOf(a) ? b : a));
  return decodeReleaseSecret(newest);
}

export function decodeReleaseSecret(secret: KubeObject): HelmRelease {
  const where = `Secret ${secret.metadata.namespace ?? ''}/${secret.metadata.name}`;
  const record = decodeRecord(secret, where);
  const chart = ((record.chart as Record<string, unknown> | undefined)?.metadata ?? {}) as Record<string, string | undefined>;
  return {
    name: String(record.name ?? ''),
    namespace: String(record.namespace ?? secret.metadata.namespace ?? ''),
    revision: Number(record.version ?? revisionOf(secret)),
    status: String((record.info as Record<string, unknown> | undefined)?.status ?? 'unknown'),
    chart: { name: chart.name ?? '', version: chart.version ?? '', appVersion: chart.appVersion },
    config: (record.config as Record<string, unknown> | null | undefined) ?? {},
    manifest: manifestObjects(String(record.manifest ?? ''), where),
  };
}

function decodeRecord(secret: KubeObject, where: string): Record<string, unknown> {
  const stored = (secret.data as Record<string, string> | undefined)?.release;
  if (typeof stored !== 'string') throw new UserError(`${where}: no data.release: not a Helm release Secret`);
  try {
    const helmEncoded = Buffer.from(stored, 'base64').toString('utf8');
    let bytes = Buffer.from(helmEncoded, 'base64');
    // a release record is megabytes at most: a Secret that inflates past the input limit is not one
    if (GZIP_MAGIC.every((byte, i) => bytes[i] === byte)) bytes = gunzipSync(bytes, { maxOutputLength: DEFAULT_MAX_INPUT_BYTES });
    const record = JSON.parse(bytes.toString('utf8')) as unknown;
    if (typeof record !== 'object' || record === null) throw new Error('not a JSON object');
    return record as Record<string, unknown>;
  } catch (error) {
    throw new UserError(`${where}: cannot decode the Helm release (base64, gzip, JSON): ${(error as Error).message.split('\n')[0]}`);
  }
}

/** The objects of a release manifest (multi-document YAML, `# Source:` comments between). */
function manifestObjects(manifest: string, where: string): ObjectRef[] {
  const refs: ObjectRef[] = [];
  for (const document of parseAllDocuments(manifest)) {
    if (document.errors.length > 0) throw new UserError(`${where}: the release manifest is not valid YAML: ${document.errors[0]!.message.split('\n')[0]}`);
    const built = yamlValue(document);
    if ('reason' in built) throw new UserError(`${where}: the release manifest is not valid YAML: ${built.reason}`);
    const object = built.value as Partial<KubeObject> | null;
    if (!object?.kind || !object.apiVersion || !object.metadata?.name) continue;
    refs.push({ apiVersion: object.apiVersion, kind: object.kind, name: object.metadata.name, namespace: object.metadata.namespace });
  }
  return refs;
}
