/**
 * Issue 5, point 4: import the real fleet's values tree, synthesise the definitions it writes,
 * and compare, for each of the 11 clusters, the effective values with those helmfile layers from
 * the original files. The expected side is computed here from the README's layering order, not
 * by import's own code.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { synthesizeFleet } from '../support/pipeline';
import { effectiveValues } from '../../src/model/chart-defaults';
import { CHART, chartDefaultValues } from '../../src/model/chart-defaults';
import { summarise } from '../../src/core/findings';
import { PRINT_WIDTH } from '../../src/import/codegen/code';
import { groupFlags, importAndWrite, realGroups, realValuesDir, typeErrors, valuesProject } from './support';

/** test/fixtures/realworld/README.md: fleet defaults, routers, the group, the cluster's values.yaml, its calico-values.yaml */
function layeredFiles(cluster: string, group: string): string[] {
  const files = ['common.yaml', 'common-bgp.yaml', `${group}.yaml`, path.join(cluster, 'values.yaml'), path.join(cluster, 'calico-values.yaml')];
  return files.map((file) => path.join(realValuesDir, file)).filter((file) => fs.existsSync(file));
}

/** Helm's merge of `-f` files: maps merge, the rest is replaced, `~` stays null until the chart's defaults. */
function helmMerge(base: Record<string, unknown>, overlay: Record<string, unknown>): Record<string, unknown> {
  const result = { ...base };
  for (const [key, value] of Object.entries(overlay)) {
    const earlier = result[key];
    const bothMaps = [value, earlier].every((v) => typeof v === 'object' && v !== null && !Array.isArray(v));
    result[key] = bothMaps ? helmMerge(earlier as Record<string, unknown>, value as Record<string, unknown>) : value;
  }
  return result;
}

/** What the chart reads: its defaults' keys plus PeerAS and ASLoop, after its defaults are merged in. */
function chartReads(values: Record<string, unknown>): Record<string, unknown> {
  const effective = effectiveValues(values) as Record<string, unknown>;
  const keys = [...Object.keys(chartDefaultValues), 'PeerAS', 'ASLoop'];
  const read = Object.fromEntries(keys.filter((key) => key in effective).map((key) => [key, effective[key]]));
  const image = read.image as { tag: string };
  // the chart uses `tag || appVersion`: an empty tag and the appVersion pull the same image
  read.image = { ...image, tag: image.tag || CHART.appVersion };
  return read;
}

const clusterGroups = Object.entries(realGroups).flatMap(([group, clusters]) => clusters.map((cluster) => [cluster, group] as const));

test('import then synth reproduces the 11 real clusters\' values on every key the chart reads', async (t) => {
  assert.equal(clusterGroups.length, 11);
  const dir = valuesProject({});
  fs.rmSync(path.join(dir, 'values'), { recursive: true, force: true });
  fs.symlinkSync(realValuesDir, path.join(dir, 'values'), 'dir');
  const { clustersDir, files } = await importAndWrite(dir, groupFlags(realGroups));
  assert.equal(files.length, 1 + 1 + 4 + 11, files.map((f) => f.path).join(', '));
  assert.deepEqual(typeErrors(clustersDir), []);

  const fleet = await synthesizeFleet({ clustersDir });
  assert.deepEqual(fleet.clusters.map((c) => c.cluster.name).sort(), clusterGroups.map(([cluster]) => cluster).sort());
  for (const [cluster, group] of clusterGroups) {
    const layered = layeredFiles(cluster, group).map((file) => parse(fs.readFileSync(file, 'utf8'), { version: '1.1', merge: true }) as Record<string, unknown>);
    const expected = chartReads(layered.reduce(helmMerge, {}));
    const synthesised = fleet.clusters.find((c) => c.cluster.name === cluster)!;
    assert.deepEqual(chartReads(synthesised.values as unknown as Record<string, unknown>), expected, `cluster ${cluster}`);
  }
  // the real fleet's data is not clean: report what validation finds, for people reading the run
  const report = summarise(fleet.findings);
  const byRule = new Map<string, number>();
  for (const finding of report.findings) byRule.set(`${finding.severity} ${finding.rule}`, (byRule.get(`${finding.severity} ${finding.rule}`) ?? 0) + 1);
  t.diagnostic(`findings on the real fleet: ${[...byRule].map(([rule, n]) => `${rule} ×${n}`).join(', ') || 'none'}`);
});

test('the real fleet\'s routers are defined once, under names taken from the data, in formatted code', async () => {
  const dir = valuesProject({});
  fs.rmSync(path.join(dir, 'values'), { recursive: true, force: true });
  fs.symlinkSync(realValuesDir, path.join(dir, 'values'), 'dir');
  const { files } = await importAndWrite(dir, groupFlags(realGroups));
  const routers = files.find((f) => f.path === 'shared/routers.ts')!.content;
  assert.match(routers, /^  cr1Codfw: defineRouter\(\{ name: 'cr1-codfw', ipv4: '208\.80\.153\.192'/m);
  assert.match(routers, /^  lsw1E6Eqiad: defineRouter\(\{$/m);
  assert.match(routers, /\/\/ This special config is for ml-serve1014/);
  for (const file of files.filter((f) => f.path !== 'shared/routers.ts')) assert.doesNotMatch(file.content, /208\.80\.153\.192/, file.path);
  for (const file of files) {
    assert.ok(file.content.endsWith(';\n'), `${file.path} ends with one newline`);
    for (const [index, line] of file.content.split('\n').entries()) {
      const where = `${file.path}:${index + 1}`;
      assert.doesNotMatch(line, /\s$/, `${where} has trailing whitespace`);
      assert.match(line, /^( {2})*(\S|$)|^ \*/, `${where} is indented by two spaces a level`);
      // only a line holding one long string (a selector) may be wider than the print width
      if (line.length > PRINT_WIDTH) assert.match(line, /^\s*(\w+: |const \w+ = )?(['"]).*\2[,;]?$/, `${where} is ${line.length} characters`);
    }
  }
  const clusterFiles = files.filter((f) => !f.path.startsWith('shared/'));
  assert.ok(clusterFiles.every((f) => !/BGPPeers|defineRouter|routers\./.test(f.content)));
});
