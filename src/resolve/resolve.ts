/**
 * Stage 2, resolve: a loaded definition (layers) → one complete, checked ClusterSpec.
 */
import * as path from 'node:path';
import type { Acknowledgement, ClusterDefinition, ClusterSpec } from '../model/definition';
import type { LoadedCluster } from '../load/clusters';
import { pointer, type Check, type DefinitionRef, type Finding } from '../core/findings';
import { isPlainMap, mergeFrozenLayers, type AtomicEntries } from '../util/merge';
import { describeSchemaErrors, schemaValidator } from '../core/schemas';
import { chartDefaults } from './defaults';
import { definitionRefOf, refInLayer } from './provenance';

export const definitionSchema: Check = {
  id: 'definition-schema',
  severity: 'error',
  description: 'A cluster definition, all layers merged, has every required setting, no unknown key, and values of the right type (schemas/cluster-definition.schema.json), and is named after its file',
};

/** A later layer that names an IP pool or a global network policy gives it whole (the types' AtomicMaps). */
export const ATOMIC_ENTRIES: AtomicEntries = [['ipPools'], ['globalNetworkPolicies']];

/** An acknowledgement of the definition, with where it was written (for `acknowledgement-unused`). */
export interface LocatedAcknowledgement extends Acknowledgement {
  definedAt?: DefinitionRef;
}

export interface ResolvedCluster {
  name: string;
  /** the definition file, relative to the working directory, for headers and findings */
  definitionFile: string;
  spec: ClusterSpec;
  /** the layers as written: where a finding's value was set (./provenance.ts) */
  definition: ClusterDefinition;
  /** every layer's acknowledgements, lowest layer first */
  acknowledgements: LocatedAcknowledgement[];
}

export type ResolveResult = { ok: true; cluster: ResolvedCluster } | { ok: false; findings: Finding[] };

export function resolveCluster(loaded: LoadedCluster): ResolveResult {
  const { layers, acknowledged, origins } = splitAcknowledgements(loaded.definition);
  // frozen and shared by the clusters with the same layers: the acknowledgements go on a copy
  const layered = mergeFrozenLayers([chartDefaults, ...layers], ATOMIC_ENTRIES);
  const merged = acknowledged === undefined ? layered : { ...layered, acknowledge: acknowledged };
  const definitionFile = path.relative(process.cwd(), loaded.file);
  const validate = schemaValidator('cluster-definition.schema.json');
  const violations: { path: string; message: string }[] = [];
  if (!validate(merged)) violations.push(...describeSchemaErrors(validate.errors));
  violations.push(...calendarViolations(merged.acknowledge));
  if (merged.name !== loaded.name) {
    violations.push({ path: '/name', message: `the cluster is named ${JSON.stringify(merged.name)} but its file is ${path.basename(loaded.file)}: rename one so that they match` });
  }
  const keyPathOf = (at: string) => definitionKeyPath(at, origins);
  if (violations.length > 0) {
    return { ok: false, findings: violations.map((v) => definitionFinding(loaded, definitionFile, v.path, v.message, keyPathOf(v.path))) };
  }
  const acknowledgements = ((merged.acknowledge ?? []) as Acknowledgement[]).map((entry, index) => {
    const definedAt = refOf(loaded.definition, keyPathOf(pointer('acknowledge', index)));
    return definedAt ? { ...entry, definedAt } : { ...entry };
  });
  const spec = merged as unknown as ClusterSpec;
  return { ok: true, cluster: { name: loaded.name, definitionFile, spec, definition: loaded.definition, acknowledgements } };
}

/** Where the value at a key path of the merged definition was written. */
export function refOf(definition: ClusterDefinition, keyPath: { layer?: number; path: readonly (string | number)[] }): DefinitionRef | undefined {
  // an acknowledgement was written by its own layer: they add up, none replaces another
  return keyPath.layer === undefined ? definitionRefOf(definition, keyPath.path, ATOMIC_ENTRIES) : refInLayer(definition, keyPath.layer, keyPath.path);
}

interface AcknowledgementOrigin {
  layer: number;
  index: number;
}

/**
 * Acknowledgements add up over the layers instead of replacing each other: they are taken out of
 * each layer before the merge and put back, one list, for the schema to check.
 */
function splitAcknowledgements(definition: ClusterDefinition): { layers: unknown[]; acknowledged: unknown; origins: AcknowledgementOrigin[] } {
  let acknowledged: unknown[] | undefined;
  let malformed: unknown;
  const origins: AcknowledgementOrigin[] = [];
  const layers = definition.layers.map((layer, index) => {
    if (!isPlainMap(layer) || !('acknowledge' in layer)) return layer;
    const { acknowledge, ...rest } = layer as Record<string, unknown>;
    if (Array.isArray(acknowledge)) {
      acknowledged = [...(acknowledged ?? []), ...acknowledge];
      origins.push(...acknowledge.map((_, entry) => ({ layer: index, index: entry })));
    } else if (acknowledge !== null && acknowledge !== undefined) {
      malformed = acknowledge;
    }
    return rest;
  });
  return { layers, acknowledged: malformed ?? acknowledged, origins };
}

/** `/acknowledge/3/until` is the fourth entry of every layer's list: the layer that wrote it. */
function definitionKeyPath(at: string, origins: readonly AcknowledgementOrigin[]): { layer?: number; path: (string | number)[] } {
  const segments = at === '' ? [] : at.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const origin = segments[0] === 'acknowledge' && segments[1] !== undefined ? origins[Number(segments[1])] : undefined;
  if (origin) return { layer: origin.layer, path: ['acknowledge', origin.index, ...segments.slice(2)] };
  return { path: segments };
}

/** The schema checks the form of `until`; a day such as 2026-02-30 is not in the calendar. */
function calendarViolations(acknowledge: unknown): { path: string; message: string }[] {
  if (!Array.isArray(acknowledge)) return [];
  return acknowledge.flatMap((entry, index) => {
    const until = isPlainMap(entry) ? entry.until : undefined;
    if (typeof until !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(until)) return [];
    const day = new Date(`${until}T00:00:00Z`);
    if (!Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === until) return [];
    return [{ path: pointer('acknowledge', index, 'until'), message: `${JSON.stringify(until)} is not a day of the calendar: write the last day the acknowledgement holds as YYYY-MM-DD` }];
  });
}

function definitionFinding(loaded: LoadedCluster, file: string, at: string, message: string, keyPath: { layer?: number; path: (string | number)[] }): Finding {
  const definedAt = refOf(loaded.definition, keyPath);
  const finding: Finding = { rule: definitionSchema.id, severity: definitionSchema.severity, cluster: loaded.name, object: 'ClusterDefinition', path: at, message, source: { file } };
  return definedAt ? { ...finding, definedAt } : finding;
}
