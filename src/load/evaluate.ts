/**
 * Stage 1, load: one `clusters/<name>.ts` evaluated (./modules.ts) and turned into plain data
 * (./plain-data.ts), with everything it depends on; or the finding that says why it could not be.
 */
import type { ClusterDefinition } from '../model/definition';
import { displayPath, type Evaluated } from './clusters';
import { describeThrown, evaluationFinding } from './evaluation';
import { ModuleError, type DefinitionModules } from './modules';
import { NotData, sealedDataHint } from './plain-data';
import { RefusedCall } from './recorded-fs';

/** Evaluates one cluster file with `modules` (shared modules stay evaluated between clusters). */
export function evaluateCluster(name: string, file: string, modules: DefinitionModules): Evaluated {
  const located = (message: string, error?: unknown) => ({ failure: evaluationFinding(name, message, modules.locateError(error) ?? { file: displayPath(file) }) });
  try {
    const { result: definition, dependencies } = modules.evaluate(file, (exported) => {
      const value = (exported as { default?: unknown } | null)?.default;
      if (!isClusterDefinition(value)) return undefined;
      modules.checkDefinition(value);
      return value;
    });
    if (!definition) return located('the file must `export default defineCluster(...)`');
    return { loaded: { name, file, definition, dependencies } };
  } catch (error) {
    if (error instanceof NotData) return { failure: evaluationFinding(name, error.message, error.location ?? { file: displayPath(file) }) };
    if (error instanceof ModuleError || error instanceof RefusedCall) return located(error.message, error);
    const hint = sealedDataHint(error);
    return located(`the definition threw ${describeThrown(error)}${hint ? `: ${hint}` : ''}`, error);
  }
}

function isClusterDefinition(value: unknown): value is ClusterDefinition {
  return typeof value === 'object' && value !== null && (value as ClusterDefinition).kind === 'ClusterDefinition' && Array.isArray((value as ClusterDefinition).layers);
}
