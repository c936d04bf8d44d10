/**
 * The validate stage over synthesised clusters: schemas, Calico's object rules, cluster rules and
 * fleet rules. Returns every finding at once; the caller decides what fails.
 */
import type { SynthesizedCluster } from '../synth/synthesize';
import { effectiveValues } from '../synth/manifests';
import type { Finding } from './finding';
import { checkObjectSchemas, checkValuesSchema } from './schema-checks';

export function validateSynthesized(clusters: readonly SynthesizedCluster[]): Finding[] {
  const findings: Finding[] = [];
  for (const synthesized of clusters) {
    const name = synthesized.cluster.name;
    const source = { file: synthesized.cluster.definitionFile };
    findings.push(...checkValuesSchema(effectiveValues(synthesized.values), name, source));
    findings.push(...checkObjectSchemas(synthesized.manifests, name, source));
  }
  return findings;
}
