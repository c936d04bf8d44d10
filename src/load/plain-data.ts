/**
 * A definition, as its module exported it, → a copy made of plain data only (objects, arrays,
 * strings, numbers, booleans, null), with the call sites of its define* values mapped to the
 * TypeScript source and kept both on the copy and as a list by path. The copy is all the later
 * stages see: no getter, proxy or function of the definition's runs after its evaluation, and
 * the copy can be sent to another process as it is.
 */
import { types } from 'node:util';
import type { SourceLocation } from '../core/findings';
import { pointer } from '../core/findings';
import type { ClusterDefinition } from '../model/definition';
import { definitionSite, setDefinitionSite, type DefinitionSite } from '../model/site';

export interface PlainDefinition {
  definition: ClusterDefinition;
  sites: DefinitionSite[];
}

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

export function toPlainDefinition(definition: ClusterDefinition, mapSite: (raw: SourceLocation) => SourceLocation): PlainDefinition {
  const sites: DefinitionSite[] = [];
  const mapped = new Map<SourceLocation, SourceLocation>();
  const ancestors = new Set<object>();
  const copy = (value: unknown, path: (string | number)[], around: SourceLocation | undefined): unknown => {
    if (value === null || value === undefined || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
    if (typeof value !== 'object') throw notData(`${typeof value === 'function' ? 'a function' : `a ${typeof value}`}`, path, around);
    if (types.isProxy(value)) throw notData('a Proxy', path, around);
    const prototype = Object.getPrototypeOf(value) as object | null;
    const isArray = Array.isArray(value);
    if (!isArray && prototype !== Object.prototype && prototype !== null) throw notData(`a ${(value as object).constructor?.name ?? 'class instance'}`, path, around);
    if (ancestors.has(value)) throw notData('a reference to itself', path, around);
    const raw = definitionSite(value);
    let site = around;
    if (raw) {
      site = mapped.get(raw) ?? mapSite(raw);
      mapped.set(raw, site);
    }
    ancestors.add(value);
    let result: unknown[] | Record<string, unknown>;
    if (isArray) {
      result = (value as unknown[]).map((item, index) => copy(item, [...path, index], site));
    } else {
      result = {};
      for (const key of Object.keys(value)) result[key] = copy((value as Record<string, unknown>)[key], [...path, key], site);
    }
    ancestors.delete(value);
    if (raw && site) {
      setDefinitionSite(result, site);
      sites.push({ path, site });
    }
    return result;
  };
  return { definition: copy(definition, [], undefined) as ClusterDefinition, sites };
}

function notData(what: string, path: (string | number)[], around: SourceLocation | undefined): NotData {
  return new NotData(
    `the definition holds ${what} at ${pointer(...path) || '/'}: a definition is data (objects, arrays, strings, numbers, booleans and null), built when its module is evaluated`,
    around,
  );
}
