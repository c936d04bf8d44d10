/**
 * Guarded evaluation: a definition is the fleet's code, run in a worker process under a deadline
 * and a memory cap. Whatever it does (loop, exit, allocate without end, abort, throw), the command
 * reports one located line per broken definition, exits 1, writes nothing, and still reports every
 * other definition.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { clusterSource, defineModule, fleetProject, runCli } from '../support/cli';

/** The i-th cluster of a test fleet: distinct AS and pools, so that only what a test breaks is wrong. */
const cluster = (name: string, i: number, prefix = '') =>
  prefix + clusterSource(name, '', { asNumber: 64601 + i, v4: `10.${64 + i}.0.0/17`, v6: `2001:db8:a00:${(0xc000 + i).toString(16)}::/64` });

const errorLines = (output: string) => output.split('\n').filter((line) => / error definition-evaluation: /.test(line));

test('an endless loop and a throw, in one run: one located line each, exit 1, nothing written, the rest still checked', () => {
  const dir = fleetProject({
    'a-fine.ts': cluster('a-fine', 0),
    'b-loops.ts': cluster('b-loops', 1, 'let spins = 0;\nwhile (spins >= 0) spins++;\n'),
    'c-throws.ts': cluster('c-throws', 2) + '\nfunction missing(): never {\n  throw new Error("no routers file");\n}\nmissing();\n',
    'd-overlaps.ts': cluster('d-overlaps', 3).replace("cidr: '10.67.0.0/17'", "cidr: '10.64.0.0/18'"),
  });
  const result = runCli(['synth', '--definition-timeout', '1s'], { cwd: dir });
  assert.equal(result.status, 1, result.stderr);
  const throwLine = cluster('c-throws', 2).split('\n').length + 2;
  assert.deepEqual(errorLines(result.stderr), [
    'clusters/b-loops.ts: error definition-evaluation: cluster b-loops ClusterDefinition: evaluating the definition did not finish within 1 s, and was stopped: an endless loop? Make it finish, or allow it longer with --definition-timeout SECONDS',
    `clusters/c-throws.ts:${throwLine}:9: error definition-evaluation: cluster c-throws ClusterDefinition: the definition threw Error: no routers file`,
  ]);
  assert.match(result.stderr, /error pool-overlap: cluster d-overlaps /, 'the definitions that do evaluate are still checked');
  assert.doesNotMatch(result.stderr, /internal error|    at /);
  assert.ok(!fs.existsSync(path.join(dir, 'generated')), 'nothing written');
});

test('process.exit(0) in a definition makes synth --check fail, not pass', () => {
  const dir = fleetProject({ 'a.ts': cluster('a', 0), 'b.ts': cluster('b', 1) });
  assert.equal(runCli(['synth'], { cwd: dir }).status, 0);
  const file = path.join(dir, 'clusters', 'b.ts');
  fs.writeFileSync(file, `process.exit(0);\n${fs.readFileSync(file, 'utf8')}`);
  const check = runCli(['synth', '--check'], { cwd: dir });
  assert.equal(check.status, 1, check.stdout);
  assert.deepEqual(errorLines(check.stderr), [
    'clusters/b.ts: error definition-evaluation: cluster b ClusterDefinition: the definition ended the process evaluating it (exit status 0): a definition must not call process.exit; throw an Error to report a problem',
  ]);
  assert.doesNotMatch(check.stdout, /up to date/);
});

test('an allocation without end is stopped at the memory cap: one line, and the calico-gen process survives', () => {
  const dir = fleetProject({ 'a.ts': cluster('a', 0), 'b.ts': cluster('b', 1, 'const grown: number[] = [];\nwhile (grown.length >= 0) grown.push(grown.length + 0.5);\n') });
  const result = runCli(['validate', '--definition-memory', '128', '--definition-timeout', '2m'], { cwd: dir });
  assert.equal(result.status, 1, result.stderr);
  assert.deepEqual(errorLines(result.stdout), [
    'clusters/b.ts: error definition-evaluation: cluster b ClusterDefinition: evaluating the definition took more than the 128 MiB of memory allowed, and was stopped: an allocation without end? Make it smaller, or allow more with --definition-memory MIB',
  ]);
  assert.doesNotMatch(result.stdout + result.stderr, /FATAL ERROR|Last few GCs|Native stack/, 'no runtime crash report');
});

test('an abort, a stack overflow and a throw from a callback left behind are each one located line', () => {
  const dir = fleetProject({
    'a.ts': cluster('a', 0, 'process.abort();\n'),
    'b.ts': cluster('b', 1, 'function deeper(n: number): number {\n  return deeper(n + 1) + 1;\n}\ndeeper(0);\n'),
    'c.ts': cluster('c', 2, 'setImmediate(() => {\n  throw new TypeError("late");\n});\n'),
    'd.ts': cluster('d', 3),
  });
  const result = runCli(['validate', '--format', 'json'], { cwd: dir });
  assert.equal(result.status, 1, result.stderr);
  const findings = (JSON.parse(result.stdout) as { findings: { rule: string; cluster: string; message: string; source: unknown }[] }).findings;
  assert.deepEqual(
    findings.map((f) => [f.cluster, f.source, f.message]),
    [
      ['a', { file: 'clusters/a.ts' }, 'the process evaluating the definition stopped on SIGABRT (process.abort, or a crash in native code)'],
      ['b', { file: 'clusters/b.ts', line: 2, column: 3 }, 'the definition threw RangeError: Maximum call stack size exceeded'],
      ['c', { file: 'clusters/c.ts', line: 2, column: 9 }, 'the definition threw after its evaluation, from a callback or a promise it left behind: TypeError: late; a definition must do all its work while it is evaluated'],
    ],
  );
});

test('a shared module that never finishes stops each cluster importing it, located in the module, and is evaluated once', () => {
  const shared = `import { defineLayer } from ${JSON.stringify(defineModule)};\nimport { appendFileSync } from 'node:fs';\nappendFileSync('evaluated.log', 'x');\nwhile (Date.now() > 0) {}\nexport const fleet = defineLayer({});\n`;
  const using = (name: string, i: number) => `import { fleet } from './shared/stuck';\n` + cluster(name, i).replace('defineCluster({', 'defineCluster(fleet, {');
  const dir = fleetProject({ 'shared/stuck.ts': shared, 'a.ts': using('a', 0), 'b.ts': using('b', 1), 'c.ts': using('c', 2), 'd.ts': cluster('d', 3) });
  const result = runCli(['validate', '--definition-timeout', '1s'], { cwd: dir });
  assert.equal(result.status, 1, result.stderr);
  const message = 'evaluating the definition did not finish within 1 s, and was stopped: an endless loop? Make it finish, or allow it longer with --definition-timeout SECONDS';
  // one cause, one finding naming the clusters it stopped (issue 11 §2)
  assert.deepEqual(errorLines(result.stdout), [`clusters/shared/stuck.ts: error definition-evaluation: ClusterDefinition in 3 clusters: a, b, c: ${message}`]);
  assert.equal(fs.readFileSync(path.join(dir, 'evaluated.log'), 'utf8'), 'x');
});

test('definitions run in a process of their own, and what they print goes to stderr, never into a report', () => {
  const dir = fleetProject({ 'a.ts': cluster('a', 0, `import { appendFileSync } from 'node:fs';\nappendFileSync('pids.log', process.pid + ' ' + process.ppid + '\\n');\nconsole.log('hello from a');\n`) });
  const result = runCli(['validate', '--format', 'json'], { cwd: dir });
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(JSON.parse(result.stdout), { findings: [], summary: { errors: 0, warnings: 0, acknowledged: 0 } });
  assert.match(result.stderr, /^hello from a$/m);
  const [pid, parent] = fs.readFileSync(path.join(dir, 'pids.log'), 'utf8').trim().split(' ').map(Number);
  assert.equal(parent, result.pid, 'evaluated by a child of the calico-gen process');
  assert.notEqual(pid, result.pid, 'not by the calico-gen process itself');
});

test('--definition-timeout and --definition-memory say what they take', () => {
  const dir = fleetProject({ 'a.ts': cluster('a', 0) });
  const timeout = runCli(['synth', '--definition-timeout', 'soon'], { cwd: dir });
  assert.equal(timeout.status, 1);
  assert.equal(timeout.stderr, 'calico-gen: --definition-timeout "soon" is not a duration: write 10s, 500ms or 1m\n');
  const memory = runCli(['validate', '--definition-memory', '12'], { cwd: dir });
  assert.equal(memory.stderr, 'calico-gen: --definition-memory "12" is not a whole number of MiB of at least 64\n');
  for (const command of ['synth', 'validate', 'capacity', 'diff', 'review', 'import']) {
    assert.match(runCli([command, '--help']).stdout, /--definition-timeout DURATION\s+stop a definition still evaluating after this long[^\n]*\n(?:\s{6,}.*\n)*\s+--definition-memory MIB\s+memory each process evaluating definitions may use/, command);
  }
});
