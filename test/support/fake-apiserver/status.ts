// metav1.Status failure bodies, worded as kube-apiserver words them so that
// kubectl and client libraries print and classify them as they would live.
import { ResourceType, qualifiedResource } from './catalogue';

export interface Failure {
  code: number;
  body: object;
}

function status(code: number, reason: string, message: string, details?: object): Failure {
  return {
    code,
    body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code },
  };
}

export function unauthorized(): Failure {
  return status(401, 'Unauthorized', 'Unauthorized');
}

/** A path the server has no handler for. */
export function noSuchPath(): Failure {
  return status(404, 'NotFound', 'the server could not find the requested resource', {});
}

export function objectNotFound(t: ResourceType, name: string): Failure {
  return status(404, 'NotFound', `${qualifiedResource(t)} "${name}" not found`, { name, group: t.group, kind: t.plural });
}

export function forbidden(t: ResourceType, verb: string, user: string, namespace?: string, name?: string): Failure {
  const subject = name ? `${qualifiedResource(t)} "${name}"` : qualifiedResource(t);
  const scope = namespace ? `in the namespace "${namespace}"` : 'at the cluster scope';
  const message = `${subject} is forbidden: User "${user}" cannot ${verb} resource "${t.plural}" in API group "${t.group}" ${scope}`;
  return status(403, 'Forbidden', message, { ...(name ? { name } : {}), group: t.group, kind: t.plural });
}

export function methodNotAllowed(method: string): Failure {
  return status(405, 'MethodNotAllowed', `the fake API server is read-only: ${method} is not allowed`, {});
}

export function badRequest(message: string): Failure {
  return status(400, 'BadRequest', message);
}
