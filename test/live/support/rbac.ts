// The read-only RBAC of deploy/calico-gen-reader-rbac.yaml as data, and what an API request needs
// of it: so a test can show the live reader needs exactly those permissions.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ROOT } from './cli';

export interface Grant {
  /** undefined: a ClusterRole rule (every namespace and the cluster scope); else the Role's namespace */
  namespace?: string;
  group: string;
  resource: string;
  verb: string;
}

export interface Access {
  group: string;
  resource: string;
  verb: 'get' | 'list';
  /** undefined for cluster-scoped requests and lists across namespaces */
  namespace?: string;
}

export const RBAC_FILE = join(ROOT, 'deploy', 'calico-gen-reader-rbac.yaml');

export function readerGrants(): Grant[] {
  const grants: Grant[] = [];
  for (const document of parseAllDocuments(readFileSync(RBAC_FILE, 'utf8'))) {
    const role = document.toJS() as { kind: string; metadata: { namespace?: string }; rules?: { apiGroups: string[]; resources: string[]; verbs: string[] }[] };
    if (role.kind !== 'ClusterRole' && role.kind !== 'Role') continue;
    for (const rule of role.rules ?? []) {
      for (const group of rule.apiGroups) for (const resource of rule.resources) for (const verb of rule.verbs) {
        grants.push({ namespace: role.kind === 'Role' ? role.metadata.namespace : undefined, group, resource, verb });
      }
    }
  }
  return grants;
}

/** What a request path needs; 'discovery' for the documents every authenticated user may read. */
export function accessOf(path: string): Access | 'discovery' {
  const parts = path.split('/').filter(Boolean);
  const [root] = parts;
  const rest = root === 'api' ? parts.slice(2) : parts.slice(3);
  const group = root === 'api' ? '' : parts[1]!;
  if (rest.length === 0) return 'discovery';
  const namespaced = rest[0] === 'namespaces' && rest.length >= 3;
  const [resource, name] = namespaced ? rest.slice(2) : rest;
  return { group, resource: resource!, verb: name ? 'get' : 'list', namespace: namespaced ? rest[1] : undefined };
}

export function grantFor(access: Access, grants: readonly Grant[]): Grant | undefined {
  return grants.find((g) => g.group === access.group && g.resource === access.resource && g.verb === access.verb && (g.namespace === undefined || g.namespace === access.namespace));
}
