/**
 * Every check calico-gen reports findings of, from the registries that run them: what the rules
 * table (docs/rules.md, `npm run gen:docs`) lists.
 */
import type { Check } from '../core/findings';
import { changeRefusals, refusals } from '../diff/refusals';
import { releaseChecks } from '../diff/refusals/release';
import { liveIpamNotRead } from '../diff/refusals/ipam-state';
import { IPAM_REFUSAL_RULES, MALFORMED_RULE, POOL_NEARLY_FULL, POOL_NO_ROOM } from '../ipam';
import { manifestObject, manifestYaml } from '../inputs/manifest-files';
import { valuesRender } from '../inputs/sources';
import { valuesYaml } from '../inputs/values-files';
import { definitionEvaluation } from '../load/evaluation';
import { definitionSchema } from '../resolve/resolve';
import { acknowledgementUnused } from '../validate/acknowledgements';
import { definitionNested } from '../load/clusters';
import { clusterRules } from '../validate/rules/cluster';
import { fleetRules } from '../validate/rules/fleet';
import { objectRules } from '../validate/rules/objects';
import { crdSchema, valuesSchema } from '../validate/schema-checks';
import { formatRulesTable, type CheckScope, type ScopedCheck } from '../report/rules';

export function allChecks(): ScopedCheck[] {
  const scoped = (scope: CheckScope, checks: readonly Check[]) => checks.map(({ id, severity, alsoAs, description }) => ({ id, severity, ...(alsoAs ? { alsoAs } : {}), description, scope }));
  return [
    ...scoped('definition', [definitionEvaluation, definitionSchema, acknowledgementUnused, definitionNested]),
    ...scoped('values', [valuesYaml, valuesSchema, valuesRender]),
    ...scoped('manifest', [manifestYaml, manifestObject]),
    ...scoped('object', [crdSchema, ...objectRules]),
    ...scoped('cluster', clusterRules),
    ...scoped('fleet', fleetRules),
    ...scoped('change', changeRefusals),
    // what needs the live cluster (basis live, or desired: validation judges that for review)
    ...scoped('diff', [...refusals.filter((refusal) => refusal.basis !== 'change'), ...Object.values(IPAM_REFUSAL_RULES), ...releaseChecks, liveIpamNotRead]),
    ...scoped('ipam', [MALFORMED_RULE, POOL_NEARLY_FULL, POOL_NO_ROOM]),
  ];
}

/** docs/rules.md as `npm run gen:docs` writes it. */
export function rulesTable(): string {
  return formatRulesTable(allChecks());
}
