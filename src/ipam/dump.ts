/**
 * Reads a saved cluster dump (what `kubectl get … -o yaml` or `-o json` prints: a List, several
 * YAML documents, or single objects) one object at a time, for a 5,000-node cluster in seconds:
 * JSON through `JSON.parse`, YAML item by item through js-yaml (the `yaml` package, which the rest
 * of calico-gen uses for its small files, takes minutes on such a dump). Pure: the caller reads
 * the file.
 */
import { UserError } from '../util/errors';
import { IpamCollector } from './collect';
import { EXPECTED, type VisitObject } from './dump-shape';
import { readJsonDump } from './json-dump';
import type { IpamState } from './model';
import { readYamlDump } from './yaml-dump';

export type { VisitObject } from './dump-shape';

/** Hands every object of the dump to `visit`, in order; bad input is one located UserError. */
export function forEachDumpObject(text: string, file: string, visit: VisitObject): void {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = body.search(/\S/);
  if (first < 0) throw new UserError(`${file}: empty: ${EXPECTED}`);
  const objects = body[first] === '{' || body[first] === '[' ? readJsonDump(body, file, visit) : readYamlDump(body, file, visit);
  if (objects === 0) throw new UserError(`${file}: no Kubernetes objects: ${EXPECTED}`);
}

/**
 * The IPAM state in a dump. Objects of other kinds go to `others` (diff reads them from the same
 * file). A dump without nodes cannot say which nodes are gone, so it is refused.
 */
export function readIpamDump(text: string, file: string, cluster: string, others?: VisitObject): IpamState {
  const collector = new IpamCollector(cluster);
  forEachDumpObject(text, file, (object, origin) => {
    if (!collector.add(object, origin)) others?.(object, origin);
  });
  const state = collector.finish();
  if (!state.kinds.has('Node')) throw new UserError(`${file}: no Node objects, so nodes that are gone cannot be told from nodes that exist: ${EXPECTED}`);
  return state;
}
