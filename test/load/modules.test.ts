/** The definition loader (src/load): evaluation on public APIs, recorded dependencies, located errors, call sites. */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import type { Evaluated, LoadedCluster } from '../../src/load/clusters';
import { evaluateCluster } from '../../src/load/evaluate';
import { currentHash, type Dependency } from '../../src/load/dependencies';
import { DefinitionModules } from '../../src/load/modules';
import { attachDefinitionSites, definitionSite, definitionSites } from '../../src/model/site';
import { clusterSource, defineModule, fleetProject, projectRoot } from '../support/cli';

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Evaluates clusters/<name>.ts of a project, with the project as working directory, as a worker does. */
function evaluate(project: string, name: string, modules = new DefinitionModules()): Evaluated {
  const cwd = process.cwd();
  process.chdir(project);
  try {
    return evaluateCluster(name, path.join(project, 'clusters', `${name}.ts`), modules);
  } finally {
    process.chdir(cwd);
  }
}

function loaded(evaluated: Evaluated): LoadedCluster {
  assert.ok('loaded' in evaluated, JSON.stringify('failure' in evaluated && evaluated.failure));
  return evaluated.loaded;
}

function failure(evaluated: Evaluated) {
  assert.ok('failure' in evaluated, 'the definition evaluated');
  return evaluated.failure;
}

const dependency = (dependencies: Dependency[], kind: Dependency['kind'], file: string) => dependencies.find((d) => d.kind === kind && d.path === file);

test('a definition and its modules are evaluated without hooking Node\'s loader; every module and package reached is a dependency', () => {
  const extensions = (Module as unknown as { _extensions: Record<string, unknown> })._extensions;
  const project = fleetProject({
    'shared/routers.ts': `import { defineRouter } from ${JSON.stringify(defineModule)};\nexport const routers = [defineRouter({ name: 'cr1-ams', ipv4: '192.0.2.1', ipv6: '2001:db8:a00:ffff::1', nodeSelector: "region == 'ams'" })];\n`,
    'shared/plan.json': JSON.stringify({ v4: '10.64.0.0/17' }),
    'a.ts':
      `import { routers } from './shared/routers';\nimport plan from './shared/plan.json';\nimport { parse } from 'yaml';\nconst extra = parse('x: 1').x;\n` +
      clusterSource('a', '', { v4: '10.64.0.0/17' }).replace(/peers: \[.*\],/, 'peers: routers,').replace("cidr: '10.64.0.0/17'", 'cidr: plan.v4 as `${number}.${number}.${number}.${number}/${number}`'),
  });
  fs.symlinkSync(path.join(projectRoot, 'node_modules', 'yaml'), path.join(project, 'node_modules', 'yaml'), 'dir');
  const result = loaded(evaluate(project, 'a'));
  assert.equal(extensions['.ts'], undefined, 'no .ts hook in Node');
  assert.equal(result.definition.layers.at(-1)!.bgp!.peers![0]!.ipv4, '192.0.2.1');
  for (const file of ['a.ts', 'shared/routers.ts', 'shared/plan.json']) {
    const full = path.join(project, 'clusters', file);
    assert.equal(dependency(result.dependencies, 'module', full)?.hash, sha256(full), file);
  }
  const yamlManifest = path.join(projectRoot, 'node_modules', 'yaml', 'package.json');
  assert.equal(dependency(result.dependencies, 'file', yamlManifest)?.hash, sha256(yamlManifest), 'the installed version of a package it imports');
  assert.ok(!result.dependencies.some((d) => d.path.startsWith(path.join(projectRoot, 'dist'))), "calico-gen's own code is the fingerprint's, not a fleet dependency");
});

test('reads through fs and process.env are recorded with what they returned, and hash the same until they change', () => {
  const project = fleetProject({
    'a.ts':
      `import { readFileSync, existsSync, readdirSync } from 'node:fs';\n` +
      `const cidr = readFileSync(__dirname + '/data/cidr.txt', 'utf8').trim();\n` +
      `const extra = existsSync(__dirname + '/data/extra.txt');\n` +
      `const files = readdirSync(__dirname + '/data');\n` +
      `const site = process.env.CALICO_GEN_TEST_SITE ?? 'ams';\n` +
      clusterSource('a').replace("cidr: '10.64.0.0/17'", 'cidr: cidr as `${number}.${number}.${number}.${number}/${number}`'),
    'data/cidr.txt': '10.64.0.0/17\n',
  });
  const dir = path.join(project, 'clusters', 'data');
  const { dependencies } = loaded(evaluate(project, 'a'));
  const read = dependency(dependencies, 'file', path.join(dir, 'cidr.txt'));
  assert.equal(read?.hash, sha256(path.join(dir, 'cidr.txt')));
  assert.equal(dependency(dependencies, 'exists', path.join(dir, 'extra.txt'))?.hash, 'absent');
  assert.ok(dependency(dependencies, 'listing', dir));
  assert.ok(dependency(dependencies, 'env', 'CALICO_GEN_TEST_SITE'));
  for (const d of dependencies) assert.equal(currentHash(d), d.hash, `${d.kind} ${d.path} unchanged`);
  fs.writeFileSync(path.join(dir, 'extra.txt'), 'now here');
  assert.notEqual(currentHash(dependency(dependencies, 'exists', path.join(dir, 'extra.txt'))!), 'absent');
  assert.notEqual(currentHash(dependency(dependencies, 'listing', dir)!), dependency(dependencies, 'listing', dir)!.hash);
  fs.writeFileSync(path.join(dir, 'cidr.txt'), '10.64.0.0/18\n');
  assert.notEqual(currentHash(read!), read!.hash);
});

test('a read that cannot be recorded is refused, located at the call, saying what to use', () => {
  const project = fleetProject({ 'a.ts': `import { readFile } from 'node:fs';\n\nreadFile('x', () => undefined);\n` + clusterSource('a') });
  const found = failure(evaluate(project, 'a'));
  assert.equal(found.rule, 'definition-evaluation');
  assert.deepEqual(found.source, { file: path.join('clusters', 'a.ts'), line: 3, column: 1 });
  assert.match(found.message, /fs\.readFile cannot be used in a definition: .*use those, or import the data/);
});

test('a throw is located at its own TypeScript line and column, in a shared module too', () => {
  const project = fleetProject({
    'shared/check.ts': `interface Plan {\n  ok: boolean;\n}\n\nexport function check(plan: Plan): void {\n  if (!plan.ok) throw new RangeError('plan not ok');\n}\n`,
    'a.ts': `import { check } from './shared/check';\n\ntype T = { x: number };\ncheck({ ok: false });\n` + clusterSource('a'),
    'b.ts': clusterSource('b') + `\n\nconst x: number = 1;\nif (x) {\n  throw 'no reason given';\n}\n`,
  });
  const a = failure(evaluate(project, 'a'));
  assert.deepEqual(a.source, { file: path.join('clusters', 'shared', 'check.ts'), line: 6, column: 23 });
  assert.equal(a.message, 'the definition threw RangeError: plan not ok');
  const b = failure(evaluate(project, 'b'));
  assert.deepEqual(b.source, { file: path.join('clusters', 'b.ts') }, 'a thrown string has no stack: the module it came from');
  assert.equal(b.message, 'the definition threw "no reason given"');
});

test('a syntax error and a missing module are located where they are', () => {
  const project = fleetProject({
    'a.ts': clusterSource('a') + `\nconst = 1;\n`,
    'b.ts': `\n\nimport { routers } from './shared/missing';\nconsole.log(routers);\n` + clusterSource('b'),
  });
  const a = failure(evaluate(project, 'a'));
  assert.equal(a.source?.file, path.join('clusters', 'a.ts'));
  assert.equal(a.source?.line, clusterSource('a').split('\n').length + 1);
  assert.match(a.message, /^syntax error: /);
  const b = failure(evaluate(project, 'b'));
  assert.deepEqual(b.source, { file: path.join('clusters', 'b.ts'), line: 3, column: 25 }, 'at the module named');
  assert.match(b.message, /^cannot find module "\.\/shared\/missing" imported by clusters\/b\.ts/);
});

test('every defineCluster, defineLayer and defineRouter value carries its TypeScript call site, also on a copy sent elsewhere', () => {
  const project = fleetProject({
    'shared/fleet.ts': `import { defineLayer, defineRouter } from ${JSON.stringify(defineModule)};\n\ninterface Unused { a: string }\nexport const router = defineRouter({ name: 'cr1-ams', ipv4: '192.0.2.1', ipv6: '2001:db8:a00:ffff::1', nodeSelector: "region == 'ams'" });\nexport const fleet = defineLayer({\n  bgp: { peers: [router] },\n});\n`,
    'a.ts': `import { fleet } from './shared/fleet';\n` + clusterSource('a').replace('defineCluster({', 'defineCluster(fleet, {').replace(/\n {4}peers: \[.*\],/, ''),
  });
  const { definition } = loaded(evaluate(project, 'a'));
  // sites are mapped when first asked for, relative to the working directory, as a worker's is
  process.chdir(project);
  after(() => process.chdir(projectRoot));
  const fleetFile = path.join('clusters', 'shared', 'fleet.ts');
  const own = { file: path.join('clusters', 'a.ts'), line: 3, column: 16 };
  assert.deepEqual(definitionSite(definition), own);
  // the cluster's own settings are found through the defineCluster call and their place among its arguments (resolve/provenance.ts)
  assert.equal(definitionSite(definition.layers[1]), undefined, 'an object literal has no call of its own');
  assert.deepEqual(definitionSite(definition.layers[0]), { file: fleetFile, line: 5, column: 22 });
  assert.deepEqual(definitionSite(definition.layers[0]!.bgp!.peers![0]), { file: fleetFile, line: 4, column: 23 });
  assert.deepEqual(Object.keys(definition.layers[0]!), ['bgp'], 'the site is no property a spread or JSON sees');
  const copy = structuredClone(definition);
  assert.equal(definitionSite(copy), undefined);
  attachDefinitionSites(copy, structuredClone(definitionSites(definition)));
  assert.deepEqual(definitionSite(copy.layers[0]!.bgp!.peers![0]), { file: fleetFile, line: 4, column: 23 });
});

test('a definition holding something other than data is refused, located at the layer that holds it', () => {
  const project = fleetProject({
    'shared/fleet.ts': `import { defineLayer } from ${JSON.stringify(defineModule)};\nexport const fleet = defineLayer({\n  capacity: { expectedNodes: (() => 3) as unknown as number },\n});\n`,
    'a.ts': `import { fleet } from './shared/fleet';\n` + clusterSource('a').replace('defineCluster({', 'defineCluster(fleet, {'),
    'b.ts': `export default { kind: 'something else' };\n`,
  });
  const a = failure(evaluate(project, 'a'));
  assert.deepEqual(a.source, { file: path.join('clusters', 'shared', 'fleet.ts'), line: 2, column: 22 });
  assert.match(a.message, /^the definition holds a function at \/layers\/0\/capacity\/expectedNodes: a definition is data/);
  assert.match(failure(evaluate(project, 'b')).message, /^the file must `export default defineCluster\(\.\.\.\)`/);
});

test('what a module exports is sealed: a cluster cannot change a shared layer for the clusters after it', () => {
  const project = fleetProject({
    'shared/fleet.ts': `import { defineLayer } from ${JSON.stringify(defineModule)};\nexport const fleet = defineLayer({ bgp: { asLoop: 1 } });\n`,
    'a.ts': `import { fleet } from './shared/fleet';\n\nfleet.bgp!.asLoop = 2;\n` + clusterSource('a').replace('defineCluster({', 'defineCluster(fleet, {'),
    'b.ts': `import { fleet } from './shared/fleet';\n` + clusterSource('b').replace('defineCluster({', 'defineCluster(fleet, {').replace('asLoop: 1', 'asLoop: 3'),
  });
  const modules = new DefinitionModules();
  const a = failure(evaluate(project, 'a', modules));
  assert.deepEqual(a.source, { file: path.join('clusters', 'a.ts'), line: 3, column: 12 }, 'at the property it changes');
  assert.match(a.message, /^the definition threw TypeError: Cannot assign to read only property 'asLoop' of object .*: what a module exports is frozen once the module is evaluated, .*build a new value/);
  const b = loaded(evaluate(project, 'b', modules));
  assert.equal(b.definition.layers[0]!.bgp!.asLoop, 1, 'the shared layer as its module wrote it');
  assert.ok(Object.isFrozen(b.definition.layers[0]!.bgp));
});
