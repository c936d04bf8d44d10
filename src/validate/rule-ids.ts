/** The ids of the checks whose findings a definition's `validate` and `synth` report, for acknowledgements (and acknowledgement-unused). */
import { definitionSchema } from '../resolve/resolve';
import { clusterRules } from './rules/cluster';
import { fleetRules } from './rules/fleet';
import { objectRules } from './rules/objects';
import { crdSchema, valuesSchema } from './schema-checks';

export function definitionRuleIds(): string[] {
  return [definitionSchema, valuesSchema, crdSchema, ...objectRules, ...clusterRules, ...fleetRules].map((check) => check.id);
}
