/**
 * Definitions are data, and data a module exports does not change once the module is evaluated.
 *
 * When a module's evaluation ends, the plain objects and arrays it exports are frozen, deeply, and
 * the call sites of their define* values mapped to the TypeScript source (`seal`). A cluster's
 * result can then depend only on its own modules, whatever another cluster's module did: without
 * it, a cluster file that changed a shared layer would change every cluster evaluated after it in
 * the same process, which no cache key covers. The definition a cluster exports is then checked to
 * be plain data (`check`): objects, arrays, strings, numbers, booleans, null; no function, class
 * instance or cycle, so that no code of the definition's runs after its evaluation. Both remember
 * what they have seen: a fleet's clusters share most of their layers, which are sealed and checked
 * once per process.
 */
import type { CallSite, SourceLocation } from '../core/findings';
import { pointer } from '../core/findings';
import { definitionSite, mapDefinitionSite } from '../model/site';

/** A value that is not data, located at the nearest define* call around it. */
export class NotData extends Error {
  constructor(
    message: string,
    readonly location: SourceLocation | undefined,
  ) {
    super(message);
    this.name = 'NotData';
  }
}

/** A value's place in the definition, as a chain from the value up: a path is spelled out only for a message. */
interface Place {
  key: string | number;
  parent: Place | undefined;
}

const pathOf = (place: Place | undefined): (string | number)[] => {
  const path: (string | number)[] = [];
  for (let at = place; at; at = at.parent) path.unshift(at.key);
  return path;
};

const isPlainObject = (value: object) => {
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype === Object.prototype || prototype === null;
};

export class DataSeal {
  private readonly sealed = new WeakSet<object>();
  private readonly checked = new WeakSet<object>();

  constructor(private readonly mapSite: (raw: CallSite) => CallSite) {}

  /** Seals what a module exports: its named exports' values, and a CommonJS module's exports object itself. */
  sealExports(exports: unknown): void {
    if (typeof exports !== 'object' || exports === null) return;
    // a TypeScript module's exports object is esbuild's namespace of live bindings: only its values are data
    if ('__esModule' in exports) for (const key of Object.keys(exports)) this.seal((exports as Record<string, unknown>)[key]);
    else this.seal(exports);
  }

  private seal(value: unknown): void {
    if (typeof value !== 'object' || value === null || this.sealed.has(value)) return;
    const isArray = Array.isArray(value);
    if (!isArray && !isPlainObject(value)) return;
    this.sealed.add(value);
    mapDefinitionSite(value, this.mapSite);
    if (isArray) for (const item of value as unknown[]) this.seal(item);
    else for (const key of Object.keys(value)) this.seal((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }

  /** Throws NotData unless the definition is plain data (sealed: it was exported). */
  check(definition: object): void {
    const ancestors = new Set<object>();
    /** `around`: the nearest value with a call site, for the message's location (mapped only then) */
    const visit = (value: unknown, place: Place | undefined, around: object | undefined): void => {
      if (value === null || typeof value !== 'object') {
        if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') throw notData(typeof value === 'function' ? 'a function' : `a ${typeof value}`, place, around);
        return;
      }
      if (this.checked.has(value)) return;
      const isArray = Array.isArray(value);
      if (!isArray && !isPlainObject(value)) throw notData(`a ${(value as object).constructor?.name ?? 'class instance'}`, place, around);
      if (ancestors.has(value)) throw notData('a reference to itself', place, around);
      const inside = mapDefinitionSite(value, this.mapSite) ? value : around;
      ancestors.add(value);
      if (isArray) (value as unknown[]).forEach((item, index) => visit(item, { key: index, parent: place }, inside));
      else for (const key of Object.keys(value)) visit((value as Record<string, unknown>)[key], { key, parent: place }, inside);
      ancestors.delete(value);
      if (Object.isFrozen(value)) this.checked.add(value);
    };
    visit(definition, undefined, undefined);
  }
}

function notData(what: string, place: Place | undefined, around: object | undefined): NotData {
  return new NotData(
    `the definition holds ${what} at ${pointer(...pathOf(place)) || '/'}: a definition is data (objects, arrays, strings, numbers, booleans and null), built when its module is evaluated`,
    definitionSite(around),
  );
}

/** Why a change to sealed data failed, and what to do instead; undefined for any other error. */
export function sealedDataHint(error: unknown): string | undefined {
  if (!(error instanceof TypeError) || !/read only property|not extensible|Cannot (add|delete|assign to|define) property/.test(error.message)) return undefined;
  return 'what a module exports is frozen once the module is evaluated, so that no cluster can change what another one is made of: build a new value instead (`{ ...fleetDefaults, bgp: { ...fleetDefaults.bgp, asLoop: 2 } }`), or give defineCluster a layer of its own';
}
