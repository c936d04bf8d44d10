/** The call sites of a definition survive the trip from the worker process that evaluated it, as plain data. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { runPipeline } from '../../src/pipeline';
import { attachDefinitionSites, definitionSite } from '../../src/model/site';
import { clusterSource, defineModule, fleetProject } from '../support/cli';

test("a kept result carries its definition's call sites, mapped to the TypeScript source", async () => {
  const project = fleetProject({
    'shared/fleet.ts': `import { defineLayer } from ${JSON.stringify(defineModule)};\n\nexport const fleet = defineLayer({ bgp: { asLoop: 1 } });\n`,
    'a.ts': `import { fleet } from './shared/fleet';\n` + clusterSource('a').replace('defineCluster({', 'defineCluster(fleet, {'),
  });
  const cwd = process.cwd();
  process.chdir(project);
  try {
    const run = await runPipeline({ clustersDir: path.join(project, 'clusters'), keepObjects: true, cache: false });
    const sites = run.clusters[0]!.kept!.sites!;
    assert.deepEqual(sites.find((entry) => entry.path.length === 0)?.site, { file: path.join('clusters', 'a.ts'), line: 3, column: 16 });
    assert.deepEqual(sites.find((entry) => entry.path.join('/') === 'layers/0')?.site, { file: path.join('clusters', 'shared', 'fleet.ts'), line: 3, column: 22 });
    const copy = { kind: 'ClusterDefinition', layers: [{ bgp: { asLoop: 1 } }, {}] };
    attachDefinitionSites(copy, sites);
    assert.deepEqual(definitionSite(copy.layers[0]), { file: path.join('clusters', 'shared', 'fleet.ts'), line: 3, column: 22 });
  } finally {
    process.chdir(cwd);
  }
});
