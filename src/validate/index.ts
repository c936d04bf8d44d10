/**
 * The validate stage over synthesised clusters: schemas, Calico's object rules, cluster rules and
 * fleet rules. Returns every finding at once; the caller decides what fails.
 */
import type { SynthesizedCluster } from '../synth/synthesize';
import { findingOf, type Finding } from '../core/findings';
import { validateFleetFacts } from './fleet';
import { checkObjectSchemas, checkValuesSchema } from './schema-checks';
import { checkObjects } from './check-objects';
import { clusterRules } from './rules/cluster';
import { fleetFactsOf, type FleetFacts } from './rules/fleet/facts';
import { definitionSource, type ClusterSource } from './source';
import type { EffectiveValues } from '../model/chart-defaults';

export interface ValidateOptions {
  /**
   * Facts of the fleet's other clusters, for the fleet rules when only some clusters are being
   * validated (`--cluster X`); findings are reported for the validated clusters only.
   */
  fleet?: readonly FleetFacts[];
}

export function validateClusters(sources: readonly ClusterSource[], options: ValidateOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const own: FleetFacts[] = [];
  for (const source of sources) {
    const checked = checkSource(source);
    findings.push(...checked.findings);
    own.push(checked.facts);
  }
  const validated = new Set(own.map((facts) => facts.cluster));
  const fleet = [...own, ...(options.fleet ?? []).filter((facts) => !validated.has(facts.cluster))];
  return [...findings, ...validateFleetFacts(fleet, validated)];
}

/**
 * Everything about one cluster that needs no other cluster: its findings (schemas, object rules,
 * cluster rules) and the facts the fleet rules will need. Plain data, so it can be cached.
 */
export function validateClusterAlone(synthesized: SynthesizedCluster, effective?: EffectiveValues): { findings: Finding[]; facts: FleetFacts } {
  return checkSource(definitionSource(synthesized, effective));
}

function checkSource(source: ClusterSource): { findings: Finding[]; facts: FleetFacts } {
  return { findings: checkCluster(source), facts: fleetFactsOf(source.input, source.locate, source.definedAt) };
}

function checkCluster(source: ClusterSource): Finding[] {
  const { input } = source;
  const found: Finding[] = [...source.findings];
  if (input.values !== undefined) found.push(...checkValuesSchema(input.values, input.name));
  const objectFindings = checkObjects(input.objects, input.name);
  found.push(...objectFindings, ...notCoveredBy(objectFindings, checkObjectSchemas(input.objects, input.name)));
  if (source.rendered) {
    for (const rule of clusterRules) found.push(...rule.check(input).map((hit) => findingOf(rule, hit, { cluster: input.name, object: 'values' })));
  }
  return found.map((finding) => (finding.source ? finding : located(finding, source)));
}

/**
 * The CRD schemas (what kube-apiserver enforces) and the object rules (what Calico enforces, in
 * its words) mostly see the same mistakes: a schema finding counts only where no rule spoke about
 * that field or one inside it.
 */
function notCoveredBy(ruleFindings: readonly Finding[], schemaFindings: readonly Finding[]): Finding[] {
  return schemaFindings.filter(
    (schema) => !ruleFindings.some((rule) => rule.object === schema.object && (rule.path === schema.path || rule.path.startsWith(`${schema.path}/`))),
  );
}

function located(finding: Finding, source: ClusterSource): Finding {
  const where = source.locate(finding.object, finding.path);
  const definedAt = source.definedAt?.(finding.object, finding.path);
  return { ...finding, ...(where ? { source: where } : {}), ...(definedAt ? { definedAt } : {}) };
}

export { validateFleetFacts };
