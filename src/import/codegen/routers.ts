/**
 * clusters/shared/routers.ts: one named constant per router (`routers.cr1Codfw`), the fleet's
 * list of them (`allRouters`), and the node selectors written once: a rack row through
 * `inRack(site, row)`, a selector several routers share through a named constant.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Router } from '../../model/definition';
import type { ImportedRouter, MappedLayer } from '../mapper';
import { PACKAGE, call, camelCase, commentLines, literal, printCode, quote, raw, type Code, type Entry } from './code';

const RACK = /^\(topology\.kubernetes\.io\/region == '([a-z0-9-]+)' && topology\.kubernetes\.io\/zone == '([a-z0-9-]+)'\)$/;

interface NamedRouter extends ImportedRouter {
  identifier: string;
}

export interface RouterCatalogue {
  /** routers.ts, or undefined when no layer defines a router */
  source: string | undefined;
  /** `allRouters`, `[...allRouters, routers.x]` or `[routers.a, routers.b]` for a layer's peer list */
  peersCode(peers: readonly Router[]): { code: Code; names: string[] };
}

export function routerCatalogue(fleet: MappedLayer, others: readonly { owner: string; layer: MappedLayer }[], header: string): RouterCatalogue {
  const named: NamedRouter[] = [];
  const taken = new Set<string>();
  const add = (imported: ImportedRouter, owner?: string) => {
    if (named.some((n) => isDeepStrictEqual(n.router, imported.router))) return;
    let identifier = camelCase(imported.router.name);
    if (taken.has(identifier) && owner) identifier = camelCase(`${imported.router.name}-${owner}`);
    for (let n = 2; taken.has(identifier); n++) identifier = `${camelCase(imported.router.name)}${n}`;
    taken.add(identifier);
    named.push({ ...imported, identifier });
  };
  fleet.routers.forEach((router) => add(router));
  for (const { owner, layer } of others) layer.routers.forEach((router) => add(router, owner));
  const fleetRouters = fleet.routers.map((r) => r.router);
  const identifierOf = (router: Router) => named.find((n) => isDeepStrictEqual(n.router, router))!.identifier;
  return {
    source: named.length === 0 ? undefined : routersSource(named, fleetRouters.length, header, fleet.notes.get('/bgp/peers')?.closing),
    peersCode: (peers) => peersCode(peers, fleetRouters, identifierOf),
  };
}

function peersCode(peers: readonly Router[], fleetRouters: readonly Router[], identifierOf: (r: Router) => string): { code: Code; names: string[] } {
  const reference = (router: Router): Code => raw(`routers.${identifierOf(router)}`);
  const startsWithFleet = fleetRouters.length > 0 && fleetRouters.every((router, i) => isDeepStrictEqual(peers[i], router));
  if (startsWithFleet && peers.length === fleetRouters.length) return { code: raw('allRouters'), names: ['allRouters'] };
  if (startsWithFleet) {
    const rest = peers.slice(fleetRouters.length).map((router) => ({ value: reference(router) }));
    return { code: { kind: 'array', items: [{ value: raw('...allRouters') }, ...rest] }, names: ['allRouters', 'routers'] };
  }
  return { code: { kind: 'array', items: peers.map((router) => ({ value: reference(router) })) }, names: peers.length > 0 ? ['routers'] : [] };
}

function routersSource(named: readonly NamedRouter[], fleetCount: number, header: string, closing: string | undefined): string {
  const selectors = sharedSelectors(named);
  const usesRack = named.some((n) => RACK.test(n.router.nodeSelector));
  const lines = [header, `import { defineRouter, type Router } from '${PACKAGE}';`, ''];
  if (usesRack) {
    lines.push(
      '/** The nodes of one rack row of one site. */',
      "const inRack = (site: string, row: string) => `(topology.kubernetes.io/region == '${site}' && topology.kubernetes.io/zone == '${row}')`;",
    );
  }
  for (const [selector, name] of selectors) lines.push(`const ${name} = ${quote(selector)};`);
  if (usesRack || selectors.size > 0) lines.push('');
  const routers: Code = {
    kind: 'object',
    entries: named.map((n): Entry => ({ key: n.identifier, value: routerCode(n, selectors), comments: commentLines(n.comments.before) })),
    closingComments: commentLines(closing),
  };
  lines.push(`export const routers = ${printCode(routers, '', 'export const routers = '.length)} satisfies Record<string, Router>;`, '');
  if (fleetCount === named.length) {
    lines.push('/** Every router of the fleet: each cluster gets them all, and each router\'s selector picks its nodes. */');
    lines.push('export const allRouters: readonly Router[] = Object.values(routers);');
  } else {
    const fleet: Code = { kind: 'array', items: named.slice(0, fleetCount).map((n) => ({ value: raw(`routers.${n.identifier}`) })) };
    lines.push('/** The routers of the fleet defaults; the others are added by a group or a cluster. */');
    lines.push(`export const allRouters: readonly Router[] = ${printCode(fleet, '', 'export const allRouters: readonly Router[] = '.length)};`);
  }
  return `${lines.join('\n')}\n`;
}

function routerCode(named: NamedRouter, selectors: ReadonlyMap<string, string>): Code {
  const { router, fieldComments } = named;
  const rack = RACK.exec(router.nodeSelector);
  const selector = rack ? call('inRack', literal(rack[1]!), literal(rack[2]!)) : selectors.has(router.nodeSelector) ? raw(selectors.get(router.nodeSelector)!) : literal(router.nodeSelector);
  const field = (key: keyof Router, value: Code): Entry => ({
    key,
    value,
    comments: commentLines(fieldComments[key]?.before),
    trailing: fieldComments[key]?.trailing,
  });
  return call(
    'defineRouter',
    { kind: 'object', entries: [field('name', literal(router.name)), field('ipv4', literal(router.ipv4)), field('ipv6', literal(router.ipv6)), field('nodeSelector', selector)] },
  );
}

/** Selectors (other than a rack row) that several routers share → a constant named after them. */
function sharedSelectors(named: readonly NamedRouter[]): Map<string, string> {
  const users = new Map<string, string[]>();
  for (const { router } of named) {
    if (RACK.test(router.nodeSelector)) continue;
    users.set(router.nodeSelector, [...(users.get(router.nodeSelector) ?? []), router.name]);
  }
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const [selector, routers] of users) {
    if (routers.length < 2) continue;
    let name = `${camelCase(commonName(routers) || 'shared')}Selector`;
    for (let n = 2; taken.has(name); n++) name = `${camelCase(commonName(routers) || 'shared')}Selector${n}`;
    taken.add(name);
    names.set(selector, name);
  }
  return names;
}

/** `cr1-codfw`, `cr2-codfw` → `cr-codfw`: the parts of the names they share, numbers dropped. */
function commonName(routers: readonly string[]): string {
  const parts = routers.map((name) => name.split('-'));
  const length = Math.min(...parts.map((p) => p.length));
  const kept: string[] = [];
  for (let i = 0; i < length; i++) {
    const words = parts.map((p) => p[i]!);
    if (words.every((w) => w === words[0])) kept.push(words[0]!);
    else {
      const stems = words.map((w) => w.replace(/[0-9]+$/, ''));
      if (stems[0] && stems.every((s) => s === stems[0])) kept.push(stems[0]);
    }
  }
  return kept.join('-');
}
