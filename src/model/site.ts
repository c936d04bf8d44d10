/**
 * Where a definition value was written: every value `defineCluster`, `defineLayer` and
 * `defineRouter` return carries the call site of that call (file, 1-based line and column) as a
 * property no enumeration, spread or JSON sees. The call site is captured in the transpiled code;
 * the load stage maps it to the TypeScript source when it turns the definition into plain data.
 *
 * Plain data sent between processes loses such properties: `definitionSites` lists them by path
 * from the definition, and `attachDefinitionSites` puts them back on the copy.
 */
import type { CallSite } from '../core/findings';

/** Shared by every copy of calico-gen loaded in a process (a fleet's and the running one). */
const SITE = Symbol.for('calico-gen.definitionSite');

/** A call site by the path of its value inside a cluster definition (`['layers', 0, 'bgp', 'peers', 3]`). */
export interface DefinitionSite {
  path: (string | number)[];
  site: CallSite;
}

/**
 * What a value keeps: the site as captured, and how to map it, which is done when the site is
 * first asked for (most never are, and mapping reads a source map).
 */
interface StoredSite {
  site: CallSite;
  map?: (captured: CallSite) => CallSite;
  mapped?: true;
}

const storedOf = (value: unknown): StoredSite | undefined =>
  typeof value === 'object' && value !== null ? (value as Record<symbol, StoredSite | undefined>)[SITE] : undefined;

/** The call site of the define* call that returned `value`; undefined for anything else. */
export function definitionSite(value: unknown): CallSite | undefined {
  const stored = storedOf(value);
  if (stored?.map) {
    stored.site = stored.map(stored.site);
    stored.map = undefined;
    stored.mapped = true;
  }
  return stored?.site;
}

/** Records `site` on `value` (an object the definition API returns or a copy of it); frozen objects keep none. */
export function setDefinitionSite(value: object, site: CallSite): void {
  if (Object.isExtensible(value)) Object.defineProperty(value, SITE, { value: { site } satisfies StoredSite, enumerable: false, configurable: true, writable: true });
}

/** Says how a value's captured site maps to the source it was written in, when it has one not mapped yet; true when it has. */
export function mapDefinitionSite(value: object, map: (captured: CallSite) => CallSite): boolean {
  const stored = storedOf(value);
  if (stored && !stored.map && !stored.mapped) stored.map = map;
  return stored !== undefined;
}

/** Every call site in a definition, by path: what a copy sent elsewhere (another process) needs to get them back. */
export function definitionSites(definition: object): DefinitionSite[] {
  const sites: DefinitionSite[] = [];
  const visit = (value: unknown, path: (string | number)[], ancestors: Set<object>) => {
    if (typeof value !== 'object' || value === null || ancestors.has(value)) return;
    const site = definitionSite(value);
    if (site) sites.push({ path, site });
    ancestors.add(value);
    for (const [key, child] of Object.entries(value)) visit(child, [...path, Array.isArray(value) ? Number(key) : key], ancestors);
    ancestors.delete(value);
  };
  visit(definition, [], new Set());
  return sites;
}

/** Puts the call sites back on a copy of a definition, at their paths. */
export function attachDefinitionSites(definition: object, sites: readonly DefinitionSite[]): void {
  for (const { path, site } of sites) {
    let value: unknown = definition;
    for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[key] : undefined;
    if (typeof value === 'object' && value !== null) setDefinitionSite(value, site);
  }
}
