/**
 * Stage 2, resolve: a loaded definition (layers) → one complete, checked ClusterSpec.
 */
import * as path from 'node:path';
import type { ClusterSpec } from '../model/definition';
import type { LoadedCluster } from '../load/clusters';
import type { Check, Finding } from '../core/findings';
import { mergeFrozenLayers } from '../util/merge';
import { describeSchemaErrors, schemaValidator } from '../core/schemas';
import { chartDefaults } from './defaults';

export const definitionSchema: Check = {
  id: 'definition-schema',
  severity: 'error',
  description: 'A cluster definition, all layers merged, has every required setting, no unknown key, and values of the right type (schemas/cluster-definition.schema.json), and is named after its file',
};

export interface ResolvedCluster {
  name: string;
  /** the definition file, relative to the working directory, for headers and findings */
  definitionFile: string;
  spec: ClusterSpec;
}

export type ResolveResult = { ok: true; cluster: ResolvedCluster } | { ok: false; findings: Finding[] };

export function resolveCluster(loaded: LoadedCluster): ResolveResult {
  const merged = mergeFrozenLayers([chartDefaults, ...loaded.definition.layers]);
  const definitionFile = path.relative(process.cwd(), loaded.file);
  const validate = schemaValidator('cluster-definition.schema.json');
  const findings: Finding[] = [];
  if (!validate(merged)) {
    for (const violation of describeSchemaErrors(validate.errors)) {
      findings.push(definitionFinding(loaded.name, definitionFile, violation.path, violation.message));
    }
  }
  if (merged.name !== loaded.name) {
    findings.push(
      definitionFinding(loaded.name, definitionFile, '/name', `the cluster is named ${JSON.stringify(merged.name)} but its file is ${path.basename(loaded.file)}: rename one so that they match`),
    );
  }
  if (findings.length > 0) return { ok: false, findings };
  return { ok: true, cluster: { name: loaded.name, definitionFile, spec: merged as unknown as ClusterSpec } };
}

function definitionFinding(cluster: string, file: string, pointer: string, message: string): Finding {
  return { rule: definitionSchema.id, severity: definitionSchema.severity, cluster, object: 'ClusterDefinition', path: pointer, message, source: { file } };
}
