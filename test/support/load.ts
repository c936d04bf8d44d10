/** A definition evaluated in the test's own process, as a pipeline worker evaluates it. */
import type { LoadedCluster } from '../../src/load/clusters';
import { evaluateCluster } from '../../src/load/evaluate';
import { DefinitionModules } from '../../src/load/modules';

const modules = new DefinitionModules();

export function loadDefinition(name: string, file: string): LoadedCluster {
  const evaluated = evaluateCluster(name, file, modules);
  if ('failure' in evaluated) throw new Error(`${evaluated.failure.source?.file}: ${evaluated.failure.message}`);
  return evaluated.loaded;
}
