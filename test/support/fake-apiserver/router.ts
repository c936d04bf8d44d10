// Answers one request: authentication, the read-only rule, discovery, and
// reads of stored objects.
import { ResourceType, qualifiedResource } from './catalogue';
import { SERVER_VERSION, coreVersions, group, groupList, resourceList } from './discovery';
import { listResponse } from './list';
import { ApiPath, parseApiPath } from './paths';
import { Failure, badRequest, forbidden, methodNotAllowed, noSuchPath, objectNotFound, unauthorized } from './status';
import { ObjectStore } from './store';

export interface RouterContext {
  store: ObjectStore;
  token: string;
  /** Who the token authenticates as, named in Forbidden messages. */
  user: string;
  /** Resources every read of is denied: `secrets`, or `ippools.crd.projectcalico.org`. */
  forbidden: Set<string>;
  serverAddress: string;
}

export interface ApiRequest {
  method: string;
  url: URL;
  authorization?: string;
}

export type Answer = Failure;

const ok = (body: object): Answer => ({ code: 200, body });

function isForbidden(ctx: RouterContext, type: ResourceType): boolean {
  return ctx.forbidden.has(type.plural) || ctx.forbidden.has(qualifiedResource(type));
}

function discovery(path: ApiPath, ctx: RouterContext): Answer | undefined {
  const found = (body: object | undefined) => (body ? ok(body) : noSuchPath());
  switch (path.kind) {
    case 'version':
      return ok(SERVER_VERSION);
    case 'coreVersions':
      return ok(coreVersions(ctx.serverAddress));
    case 'groupList':
      return ok(groupList());
    case 'group':
      return found(group(path.group));
    case 'resourceList':
      return found(resourceList(path.groupVersion));
    default:
      return undefined;
  }
}

function read(path: ApiPath, query: URLSearchParams, ctx: RouterContext): Answer {
  if (path.kind !== 'collection' && path.kind !== 'object') return noSuchPath();
  const verb = path.kind === 'object' ? 'get' : 'list';
  const name = path.kind === 'object' ? path.name : undefined;
  if (isForbidden(ctx, path.type)) return forbidden(path.type, verb, ctx.user, path.namespace, name);
  if (name !== undefined) {
    const obj = ctx.store.get(path.type, path.namespace, name);
    return obj ? ok(obj) : objectNotFound(path.type, name);
  }
  if (['true', '1'].includes(query.get('watch') ?? '')) return badRequest('the fake API server does not serve watches');
  try {
    return ok(listResponse(path.type, ctx.store.list(path.type, path.namespace), query, ctx.store.resourceVersion));
  } catch (err) {
    return badRequest((err as Error).message);
  }
}

export function answer(req: ApiRequest, ctx: RouterContext): Answer {
  if (req.authorization !== `Bearer ${ctx.token}`) return unauthorized();
  if (req.method !== 'GET') return methodNotAllowed(req.method);
  const path = parseApiPath(req.url.pathname);
  return discovery(path, ctx) ?? read(path, req.url.searchParams, ctx);
}
