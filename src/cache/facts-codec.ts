/**
 * A cluster's router facts are most of its cached record (one per BGPPeer: 140 in a cluster
 * peering with 70 routers), every warm run reads every cluster's, and a fleet's clusters mostly
 * share one router list. Where the facts say no more than name, family and address (object, path
 * and source follow from them), they are stored once per distinct list, as a table the records
 * name by hash, and every cluster that has it shares one copy in memory.
 */
import { createHash } from 'node:crypto';
import type { DefinitionRef, SourceLocation } from '../core/findings';
import type { FleetFacts, RouterFact } from '../validate/rules/fleet/facts';

/** A router's facts; where a definition wrote its address, when it is known (the router table's line). */
export type RouterRow = [name: string, family: 4 | 6, address: string, definedAt?: DefinitionRef];

export interface StoredFacts extends Omit<FleetFacts, 'routers'> {
  routers?: RouterFact[];
  /** hash of the router table (`RouterRow[]`) stored beside the records */
  routerTable?: string;
}

export interface RouterTables {
  read(hash: string): RouterRow[] | undefined;
  write(hash: string, rows: RouterRow[]): void;
}

const PEER_IP = '/spec/peerIP';
const objectOf = (name: string, family: 4 | 6) => `BGPPeer/${name}-ipv${family}`;

export function encodeFacts(facts: FleetFacts, definitionFile: string, tables: RouterTables): StoredFacts {
  // a fact without a source of its own was written where the facts' source says (decodeFacts gives such)
  const sourceOf = (fact: RouterFact) => fact.source ?? facts.source;
  const derivable = facts.routers.every(
    (fact) => fact.object === objectOf(fact.name, fact.family) && fact.path === PEER_IP && sameSource(sourceOf(fact), definitionFile),
  );
  if (!derivable) return facts;
  const { routers, ...rest } = facts;
  const table = recentTableLike(routers) ?? hashedTable(routers);
  tables.write(table.hash, table.rows);
  return { ...rest, routerTable: table.hash };
}

interface HashedTable {
  rows: RouterRow[];
  hash: string;
}

function hashedTable(routers: readonly RouterFact[]): HashedTable {
  const rows: RouterRow[] = routers.map((fact) => (fact.definedAt ? [fact.name, fact.family, fact.address, fact.definedAt] : [fact.name, fact.family, fact.address]));
  const table = { rows, hash: createHash('sha256').update(rowsJson(rows)).digest('hex').slice(0, 32) };
  recentTables.unshift(table);
  recentTables.length = Math.min(recentTables.length, RECENT_TABLES);
  return table;
}

/**
 * The clusters a process encodes one after the other mostly have one router table: a cluster's
 * routers are compared with the last few tables hashed, field by field, instead of hashing them
 * again. Where a definition wrote them counts only when it is the same frozen DefinitionRef (shared
 * by src/resolve/provenance.ts): one that can still change is never taken for an earlier one.
 */
const RECENT_TABLES = 4;
const recentTables: HashedTable[] = [];

function recentTableLike(routers: readonly RouterFact[]): HashedTable | undefined {
  return recentTables.find(({ rows }) => rows.length === routers.length && rows.every((row, index) => sameRow(row, routers[index]!)));
}

function sameRow([name, family, address, definedAt]: RouterRow, fact: RouterFact): boolean {
  if (fact.name !== name || fact.family !== family || fact.address !== address) return false;
  return definedAt === undefined ? fact.definedAt === undefined : definedAt === fact.definedAt && Object.isFrozen(definedAt);
}

/**
 * JSON.stringify(rows), with the text of each frozen DefinitionRef made once: most are shared by a
 * fleet's clusters (src/resolve/provenance.ts), and their file paths make up most of the text.
 */
function rowsJson(rows: readonly RouterRow[]): string {
  const parts = rows.map(([name, family, address, definedAt]) => {
    const head = `[${JSON.stringify(name)},${JSON.stringify(family)},${JSON.stringify(address)}`;
    return definedAt ? `${head},${refJson(definedAt)}]` : `${head}]`;
  });
  return `[${parts.join(',')}]`;
}

const refTexts = new WeakMap<DefinitionRef, string>();

function refJson(ref: DefinitionRef): string {
  if (!Object.isFrozen(ref)) return JSON.stringify(ref);
  let text = refTexts.get(ref);
  if (text === undefined) refTexts.set(ref, (text = JSON.stringify(ref)));
  return text;
}

const decodedTables = new Map<string, RouterFact[]>();

/** undefined when the record's router table is gone: the record cannot be used. */
export function decodeFacts(stored: StoredFacts, definitionFile: string, tables: RouterTables): FleetFacts | undefined {
  const { routerTable, routers, ...rest } = stored;
  if (routers) return { ...rest, routers };
  let shared = decodedTables.get(routerTable ?? '');
  if (!shared) {
    const rows = tables.read(routerTable ?? '');
    if (!rows) return undefined;
    shared = rows.map(([name, family, address, definedAt]) => ({ name, family, address, object: objectOf(name, family), path: PEER_IP, ...(definedAt ? { definedAt } : {}) }));
    decodedTables.set(routerTable!, shared);
  }
  return { ...rest, source: { file: definitionFile }, routers: shared };
}

function sameSource(source: SourceLocation | undefined, file: string): boolean {
  return source !== undefined && source.file === file && source.line === undefined && source.column === undefined;
}
