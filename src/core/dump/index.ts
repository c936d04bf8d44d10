/**
 * Reads a saved cluster dump (what `kubectl get … -o yaml` or `-o json` prints: a List, several
 * YAML documents, or single objects) one object at a time, fast enough for a 5,000-node cluster:
 * JSON item by item through `JSON.parse`, YAML item by item through js-yaml (the `yaml` package,
 * which reads calico-gen's own small files, takes minutes on such a dump). Pure: the caller reads
 * the file.
 */
import { UserError } from '../../util/errors';
import { readJsonDump } from './json';
import { NotObjects, type VisitObject } from './shape';
import { readYamlDump } from './yaml';

export { describe, type ObjectOrigin, type VisitObject } from './shape';

/** What `--live-file` takes, for messages: say how to make a dump. */
export const KUBECTL_DUMP = 'expected what `kubectl get <kinds> -o yaml` (or -o json) prints';

/**
 * Hands every object of the dump to `visit`, in order. Bad input is one located UserError that
 * ends with `expected` (what the command wanted, and how to make it).
 */
export function forEachDumpObject(text: string, file: string, visit: VisitObject, expected: string = KUBECTL_DUMP): void {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = body.search(/\S/);
  if (first < 0) throw new UserError(`${file}: empty: ${expected}`);
  let objects: number;
  try {
    objects = body[first] === '{' || body[first] === '[' ? readJsonDump(body, file, visit) : readYamlDump(body, file, visit);
  } catch (error) {
    if (error instanceof NotObjects) throw new UserError(`${error.message}: ${expected}`);
    throw error;
  }
  if (objects === 0) throw new UserError(`${file}: no Kubernetes objects: ${expected}`);
}
