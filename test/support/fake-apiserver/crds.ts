// The Calico CRDs a cluster with the calico-crds chart installed serves: the vendored v3.30 ones,
// so that a diff checks the fields it sets against them as against a real cluster's.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { KubeObject } from '../../../src/core/kube';
import { projectRoot } from '../k8s-tools';

const DIR = join(projectRoot(), 'vendor', 'calico-crds-v3.30');

let cached: KubeObject[] | undefined;

export function calicoCrdObjects(): KubeObject[] {
  cached ??= readdirSync(DIR).filter((file) => file.endsWith('.yaml')).sort().map((file) => parse(readFileSync(join(DIR, file), 'utf8')) as KubeObject);
  return structuredClone(cached);
}
