/**
 * Offline live state: what `kubectl get <kinds> -o yaml` (or -o json) prints, a `v1/List`, several
 * of them as multi-document YAML, or plain objects. Helm release Secrets in the dump
 * (`kubectl get secrets -l owner=helm,name=<release>`) give the deployed values and manifest.
 */
import { readInputFile } from '../util/input-file';
import { yamlValue } from '../util/yaml-value';
import * as path from 'node:path';
import { parseAllDocuments, type YAMLError } from 'yaml';
import { type KubeObject, groupOfApiVersion, kindKey } from '../core/kube';
import { UserError } from '../util/errors';
import { newestRelease, isReleaseSecret } from './helm-release';
import { CHART_CALICO_KINDS } from './scope';
import { type LiveState } from './types';
import { CALICO_GROUP } from '../core/calico';

export interface DumpOptions {
  desired: readonly KubeObject[];
  release: { name: string; namespace: string };
  /** larger dumps are refused before they are read (default 256 MiB) */
  maxInputBytes?: number;
}

export function readLiveFile(file: string, cwd: string, options: DumpOptions): LiveState {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  const shown = relative && !relative.startsWith('..') ? relative : absolute;
  const all = parseDump(readInputFile(file, cwd, '--live-file', options.maxInputBytes).text, shown);
  const releaseSecrets = all.filter((object) => isReleaseSecret(object));
  const objects = all.filter((object) => !isReleaseSecret(object));
  const kinds = new Set(objects.map(kindKey));
  // `kubectl get ippools,bgppeers,...` prints nothing for a kind without objects: once the dump
  // holds Calico objects at all, a Calico kind missing from it has none
  if (objects.some((object) => groupOfApiVersion(object.apiVersion) === CALICO_GROUP)) {
    for (const object of [...CHART_CALICO_KINDS, ...options.desired]) if (groupOfApiVersion(object.apiVersion) === CALICO_GROUP) kinds.add(kindKey(object));
  }
  const release = releaseSecrets.length > 0 ? newestRelease(releaseSecrets, options.release.name, options.release.namespace) ?? undefined : undefined;
  return { source: `file ${shown}`, objects, kinds, release, values: release?.config };
}

export function parseDump(text: string, file: string): KubeObject[] {
  const objects: KubeObject[] = [];
  const documents = parseAllDocuments(text);
  for (const [index, document] of [...documents].entries()) {
    const error = document.errors[0];
    if (error) {
      throw notValidYaml(file, error);
    }
    const built = yamlValue(document);
    if ('reason' in built) throw new UserError(`${file}: document ${index + 1}: not valid YAML: ${built.reason}`);
    const value = built.value;
    if (value === null || value === undefined) continue;
    objects.push(...flatten(value, `${file}: document ${index + 1}`));
  }
  if (objects.length === 0) throw new UserError(`${file}: no Kubernetes objects: expected what \`kubectl get <kinds> -o yaml\` prints`);
  return objects;
}

/** A List's items (items of built-in lists may lack apiVersion and kind), or a single object. */
function flatten(value: unknown, where: string, inherited?: { apiVersion: string; kind: string }): KubeObject[] {
  if (typeof value !== 'object' || Array.isArray(value) || value === null) {
    throw new UserError(`${where}: not a Kubernetes object but ${Array.isArray(value) ? 'a list' : JSON.stringify(value).slice(0, 40)}: expected what \`kubectl get <kinds> -o yaml\` prints`);
  }
  const object = value as Record<string, unknown>;
  if (Array.isArray(object.items) && (object.kind === undefined || String(object.kind).endsWith('List'))) {
    const itemType = object.kind && object.kind !== 'List' ? { apiVersion: String(object.apiVersion), kind: String(object.kind).slice(0, -'List'.length) } : undefined;
    return object.items.flatMap((item, i) => flatten(item, `${where}, item ${i + 1}`, itemType));
  }
  const typed = { apiVersion: inherited?.apiVersion, kind: inherited?.kind, ...object } as Partial<KubeObject>;
  const missing = ['apiVersion', 'kind'].filter((key) => typeof typed[key] !== 'string');
  if (typeof typed.metadata?.name !== 'string') missing.push('metadata.name');
  if (missing.length > 0) throw new UserError(`${where}: object without ${missing.join(', ')}: expected what \`kubectl get <kinds> -o yaml\` prints`);
  return [typed as KubeObject];
}

/** A YAML syntax error, located in the file. */
export function notValidYaml(file: string, error: YAMLError): UserError {
  const at = error.linePos?.[0];
  return new UserError(`${file}${at ? `:${at.line}:${at.col}` : ''}: not valid YAML: ${yamlReason(error.message)}`);
}

/** The yaml package's message without its trailing position and code frame. */
function yamlReason(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
