/**
 * Caches that cannot go stale: for each way a cache could serve old or wrong output, the cached
 * run gives byte for byte what --no-cache gives.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { INDEX_FORMAT } from '../../src/cache/synthesis-cache';
import { clusterSource, defineModule, fleetProject, projectRoot, runCli } from '../support/cli';

const CACHE = path.join('node_modules', '.cache', 'calico-gen');

function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const visit = (at: string) => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) visit(full);
      else files[path.relative(dir, full)] = fs.readFileSync(full, 'utf8');
    }
  };
  visit(dir);
  return files;
}

/** Runs `synth` (caches used) and `synth --no-cache --out` into another folder: the outputs must be the same bytes. */
function assertCachedEqualsFresh(dir: string, env?: NodeJS.ProcessEnv): { cached: string; fresh: string } {
  const cached = runCli(['synth'], { cwd: dir, env });
  assert.equal(cached.status, 0, cached.stderr);
  const fresh = runCli(['synth', '--no-cache', '--out', 'fresh'], { cwd: dir, env });
  assert.equal(fresh.status, 0, fresh.stderr);
  assert.deepEqual(tree(path.join(dir, 'generated')), tree(path.join(dir, 'fresh')));
  const validateCached = runCli(['validate', '--format', 'json'], { cwd: dir, env });
  const validateFresh = runCli(['validate', '--format', 'json', '--no-cache'], { cwd: dir, env });
  assert.equal(validateCached.stdout, validateFresh.stdout);
  return { cached: cached.stdout, fresh: fresh.stdout };
}

const unchanged = (stdout: string) => Number(/\((\d+) unchanged since the last run\)/.exec(stdout)?.[1]);

function cacheFiles(dir: string, sub: string): string[] {
  const root = path.join(dir, CACHE, sub);
  const found: string[] = [];
  const visit = (at: string) => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
      if (entry.isDirectory()) visit(path.join(at, entry.name));
      else found.push(path.join(at, entry.name));
    }
  };
  if (fs.existsSync(root)) visit(root);
  return found.sort();
}

test('a data file a definition reads with fs.readFileSync changes: the cluster is synthesised again', () => {
  const dir = fleetProject({
    'a.ts': `import { readFileSync } from 'node:fs';\nconst cidr = readFileSync(__dirname + '/data/pool.txt', 'utf8').trim() as \`\${number}.\${number}.\${number}.\${number}/\${number}\`;\n` + clusterSource('a').replace("cidr: '10.64.0.0/17'", 'cidr'),
    'data/pool.txt': '10.64.0.0/17\n',
  });
  assertCachedEqualsFresh(dir);
  fs.writeFileSync(path.join(dir, 'clusters', 'data', 'pool.txt'), '10.80.0.0/17\n');
  const check = runCli(['synth', '--check'], { cwd: dir });
  assert.equal(check.status, 1, 'generated/ is out of date, and --check says so');
  assertCachedEqualsFresh(dir);
  assert.match(fs.readFileSync(path.join(dir, 'generated', 'a', 'calico-values.yaml'), 'utf8'), /10\.80\.0\.0\/17/);
});

test('a definition edited while a cold synth evaluates it: the run does not store its result under the new content', () => {
  // the definition rewrites itself the first time it is evaluated, as an editor saving mid-run would
  const source =
    `import { readFileSync, writeFileSync } from 'node:fs';\n` +
    `const self = readFileSync(__filename, 'utf8');\n` +
    // spelled in two parts, so that only the setting below matches
    `const first = '64601 /* fir' + 'st */';\n` +
    `if (self.includes(first)) writeFileSync(__filename, self.replace(first, '64611 /* edited */'));\n` +
    clusterSource('a').replace('asNumber: 64601', 'asNumber: 64601 /* first */');
  const dir = fleetProject({ 'a.ts': source, 'b.ts': clusterSource('b', '', { asNumber: 64602, v4: '10.65.0.0/17', v6: '2001:db8:b00:c000::/64' }) });
  const first = runCli(['synth'], { cwd: dir });
  assert.equal(first.status, 0, first.stderr);
  assert.match(fs.readFileSync(path.join(dir, 'clusters', 'a.ts'), 'utf8'), /64611 \/\* edited \*\//, 'the file changed during the run');
  assert.match(fs.readFileSync(path.join(dir, 'generated', 'a', 'calico-values.yaml'), 'utf8'), /asNumber: 64601/, 'from the content evaluated');
  assert.equal(runCli(['synth', '--check'], { cwd: dir }).status, 1, 'the edit is not taken for synthesised');
  assertCachedEqualsFresh(dir);
  assert.match(fs.readFileSync(path.join(dir, 'generated', 'a', 'calico-values.yaml'), 'utf8'), /asNumber: 64611/);
});

test("an installed dependency's version changes: every cached synthesis goes stale", () => {
  // calico-gen installed in a fleet repository as npm lays it out, with `yaml` a copy of its own
  const dir = fleetProject({ 'a.ts': clusterSource('a'), 'b.ts': clusterSource('b', '', { asNumber: 64602, v4: '10.65.0.0/17', v6: '2001:db8:b00:c000::/64' }) });
  const modules = path.join(dir, 'node_modules');
  fs.rmSync(path.join(modules, 'calico-gen'));
  for (const part of ['package.json', 'bin', path.join('dist', 'src'), path.join('dist', 'charts-src'), 'schemas']) {
    fs.cpSync(path.join(projectRoot, part), path.join(modules, 'calico-gen', part), { recursive: true });
  }
  for (const entry of fs.readdirSync(path.join(projectRoot, 'node_modules'))) {
    if (entry === '.cache' || entry === '.bin' || entry === 'yaml' || fs.existsSync(path.join(modules, entry))) continue;
    fs.symlinkSync(path.join(projectRoot, 'node_modules', entry), path.join(modules, entry), 'dir');
  }
  fs.cpSync(path.join(projectRoot, 'node_modules', 'yaml'), path.join(modules, 'yaml'), { recursive: true });
  const cli = path.join(modules, 'calico-gen', 'bin', 'calico-gen.js');
  const synth = (...args: string[]) => runInstalled(cli, dir, ['synth', ...args]);
  assert.equal(unchanged(synth()), 0);
  assert.equal(unchanged(synth()), 2, 'nothing changed: all cached');
  const manifest = path.join(modules, 'yaml', 'package.json');
  const yaml = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string };
  fs.writeFileSync(manifest, JSON.stringify({ ...yaml, version: `${yaml.version.split('.')[0]}.999.0` }));
  assert.equal(unchanged(synth()), 0, 'yaml upgraded within its range: nothing is taken from the cache');
  synth('--no-cache', '--out', 'fresh');
  assert.deepEqual(tree(path.join(dir, 'generated')), tree(path.join(dir, 'fresh')));
});

function runInstalled(cli: string, cwd: string, args: string[]): string {
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

test('a tampered and a truncated transpile-cache file are dropped and made again; --no-cache reads no cache at all', () => {
  const dir = fleetProject({ 'a.ts': clusterSource('a'), 'b.ts': clusterSource('b', '', { asNumber: 64602, v4: '10.65.0.0/17', v6: '2001:db8:b00:c000::/64' }) });
  assertCachedEqualsFresh(dir);
  const transpiled = cacheFiles(dir, 'transpile');
  assert.equal(transpiled.length, 2);
  const [tampered, truncated] = transpiled.map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
  const wrongPools = (text: string) => text.replace('10.64.0.0/17', '10.99.0.0/17').replace('10.65.0.0/17', '10.98.0.0/17');
  fs.writeFileSync(tampered!.file, wrongPools(tampered!.text));
  fs.writeFileSync(truncated!.file, truncated!.text.slice(0, Math.floor(truncated!.text.length / 2)));
  fs.rmSync(path.join(dir, CACHE, 'synth'), { recursive: true });
  assert.equal(runCli(['synth', '--check'], { cwd: dir }).status, 0, 'the damaged entries were not used');
  assert.equal(fs.readFileSync(tampered!.file, 'utf8'), tampered!.text, 'made again');
  assert.equal(fs.readFileSync(truncated!.file, 'utf8'), truncated!.text, 'made again');

  // an entry whose own hash was forged to match wrong code: only --no-cache can ignore it, and it does
  const forged = wrongPools(tampered!.text.slice(tampered!.text.indexOf('\n') + 1));
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  fs.writeFileSync(tampered!.file, `calico-gen cache sha256=${createHash('sha256').update(forged).digest('hex')}\n${forged}`);
  fs.rmSync(path.join(dir, CACHE, 'synth'), { recursive: true });
  assert.equal(runCli(['synth', '--check', '--no-cache'], { cwd: dir }).status, 0, '--no-cache used no transpiled code from the cache');
  assert.equal(runCli(['synth', '--check'], { cwd: dir }).status, 1, 'the cached run did (which is how the forgery shows)');
});

test('a synthesis cache index of the wrong shape, or damaged, is ignored with a one-line note, and rebuilt', () => {
  const dir = fleetProject({ 'a.ts': clusterSource('a') });
  assertCachedEqualsFresh(dir);
  const [index] = cacheFiles(dir, 'synth').filter((file) => file.endsWith('records.json'));
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  const withHash = (text: string) => `calico-gen cache sha256=${createHash('sha256').update(text).digest('hex')}\n${text}`;
  const cases: [string, RegExp][] = [
    [withHash('[]'), /is not one this calico-gen wrote \(not a JSON object\)/],
    [withHash(`{"format":${INDEX_FORMAT},"fingerprint":"x","dependencies":[],"records":[],"routerTables":{}}`), /is not one this calico-gen wrote \(index\.records is not an object\)/],
    [withHash(`{"format":${INDEX_FORMAT},"fingerprint":"x","dependencies":[],"records":{"a":{"cluster":"a"}},"routerTables":{}}`), /is not one this calico-gen wrote \(index\.records\.a\.definitionFile is not a string\)/],
    [withHash(`{"format":${INDEX_FORMAT},"fingerprint":"x","dependencies":[],"records":{"a":{"cluster":"a","definitionFile":"a.ts","dependencies":[3],"findings":[]}},"routerTables":{}}`), /is not one this calico-gen wrote \(index\.records\.a names a dependency the table does not have\)/],
    [withHash('{"format":1,"records":{}}'), new RegExp(`is not one this calico-gen wrote \\(format 1, not ${INDEX_FORMAT}\\)`)],
    [`{"format":${INDEX_FORMAT},"records":[]}`, /is damaged \(its content does not match its hash\)/],
    ['', /is damaged/],
  ];
  for (const [garbage, why] of cases) {
    fs.writeFileSync(index!, garbage);
    const result = runCli(['synth'], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr.split('\n').length, 2, result.stderr);
    assert.match(result.stderr, /^calico-gen: note: the synthesis cache \S+records\.json /);
    assert.match(result.stderr, why);
    assert.match(result.stderr, /: it is ignored and rebuilt\n$/);
    assert.equal(runCli(['synth'], { cwd: dir }).stderr, '', 'rebuilt: no note the next time');
  }
  assertCachedEqualsFresh(dir);
});

test('temporary files left by a killed run are removed', () => {
  const dir = fleetProject({ 'a.ts': clusterSource('a') });
  assertCachedEqualsFresh(dir);
  // pid 2^22 + 1 is above Linux's largest: no process of that pid runs
  const dead = 4194305;
  const leftovers = ['synth', 'transpile'].map((sub) => {
    const folder = path.dirname(cacheFiles(dir, sub)[0]!);
    const file = path.join(folder, `.records.json.${dead}.0.tmp`);
    fs.writeFileSync(file, 'half a');
    return file;
  });
  fs.writeFileSync(path.join(dir, 'clusters', 'a.ts'), clusterSource('a', "capacity: { expectedNodes: 3 },"));
  assertCachedEqualsFresh(dir);
  for (const file of leftovers) assert.ok(!fs.existsSync(file), `${file} removed`);
});

test('clusters whose routers have the same names and addresses, written in two router modules: each finding names its own module, cached or not', () => {
  const peers = /peers: \[\{[^\]]*\}\],/;
  const router = (address: string) =>
    `import { defineRouter } from ${JSON.stringify(defineModule)};\n\n` +
    `export const cr1 = defineRouter({ name: 'cr1-ams', ipv4: '${address}', ipv6: '2001:db8:a00:ffff::1', nodeSelector: "topology.kubernetes.io/region == 'ams'" });\n`;
  const importing = (name: string, module: string, options: { asNumber: number; v4: string; v6: string }) =>
    `import { cr1 } from './shared/${module}';\n` + clusterSource(name, '', options).replace(peers, 'peers: [cr1],');
  const dir = fleetProject({
    'shared/routers-a.ts': router('192.0.2.1'),
    'shared/routers-b.ts': router('192.0.2.1'),
    'a.ts': importing('a', 'routers-a', { asNumber: 64601, v4: '10.64.0.0/17', v6: '2001:db8:a00:c000::/64' }),
    'b.ts': importing('b', 'routers-b', { asNumber: 64602, v4: '10.65.0.0/17', v6: '2001:db8:a00:c001::/64' }),
    'c.ts': clusterSource('c', '', { asNumber: 64603, v4: '10.66.0.0/17', v6: '2001:db8:a00:c002::/64' }).replace("ipv4: '192.0.2.1'", "ipv4: '192.0.2.9'"),
  });
  const mismatches = (args: string[]) => {
    const run = runCli(['validate', '--format', 'json', ...args], { cwd: dir });
    const findings = (JSON.parse(run.stdout) as { findings: { rule: string; cluster?: string; source?: { file: string } }[] }).findings;
    return findings.filter((finding) => finding.rule === 'router-address-mismatch').map((finding) => `${finding.cluster} ${finding.source?.file}`).sort();
  };
  const expected = ['a clusters/shared/routers-a.ts', 'b clusters/shared/routers-b.ts', 'c clusters/c.ts'];
  assert.deepEqual(mismatches(['--no-cache']), expected);
  assert.deepEqual(mismatches([]), expected);
  // the second cached run reads every cluster's facts from the cache
  assert.deepEqual(mismatches([]), expected);
  assert.deepEqual(mismatches(['--cluster', 'b']), ['b clusters/shared/routers-b.ts']);
});
