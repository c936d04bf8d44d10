/**
 * Offline live state: what `kubectl get <kinds> -o yaml` (or -o json) prints, a `v1/List`, several
 * of them as multi-document YAML, or plain objects. Helm release Secrets in the dump
 * (`kubectl get secrets -l owner=helm,name=<release>`) give the deployed values and manifest.
 */
import { readInputFile } from '../util/input-file';
import * as path from 'node:path';
import { type YAMLError } from 'yaml';
import { forEachDumpObject, type VisitObject } from '../core/dump';
import { type KubeObject, groupOfApiVersion, kindKey } from '../core/kube';
import { UserError } from '../util/errors';
import { CrdCollector } from './crds';
import { newestRelease, isReleaseSecret } from './helm-release';
import { CHART_CALICO_KINDS, isLiveStateOnly } from './scope';
import { type LiveState } from './types';
import { CALICO_GROUP } from '../core/calico';

export interface DumpOptions {
  desired: readonly KubeObject[];
  release: { name: string; namespace: string };
  /** larger dumps are refused before they are read (default 256 MiB) */
  maxInputBytes?: number;
  /** sees every object of the dump, in order: the IPAM reader takes the live state it needs */
  state?: VisitObject;
}

export function readLiveFile(file: string, cwd: string, options: DumpOptions): LiveState {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  const shown = relative && !relative.startsWith('..') ? relative : absolute;
  const crds = new CrdCollector();
  const all = parseDump(readInputFile(file, cwd, '--live-file', options.maxInputBytes).text, shown, (object, origin) => {
    crds.add(object);
    options.state?.(object, origin);
  });
  const releaseSecrets = all.filter((object) => isReleaseSecret(object));
  const objects = all.filter((object) => !isReleaseSecret(object));
  const kinds = new Set(objects.map(kindKey));
  // `kubectl get ippools,bgppeers,...` prints nothing for a kind without objects: once the dump
  // holds Calico objects at all, a Calico kind missing from it has none
  if (objects.some((object) => groupOfApiVersion(object.apiVersion) === CALICO_GROUP)) {
    for (const object of [...CHART_CALICO_KINDS, ...options.desired]) if (groupOfApiVersion(object.apiVersion) === CALICO_GROUP) kinds.add(kindKey(object));
  }
  const release = releaseSecrets.length > 0 ? newestRelease(releaseSecrets, options.release.name, options.release.namespace) ?? undefined : undefined;
  return { source: `file ${shown}`, objects, kinds, release, values: release?.config, crds: crds.finish() };
}

export function parseDump(text: string, file: string, state?: VisitObject): KubeObject[] {
  const objects: KubeObject[] = [];
  forEachDumpObject(text, file, (object, origin) => {
    state?.(object, origin);
    if (!isLiveStateOnly(object)) objects.push(object as KubeObject);
  });
  return objects;
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
