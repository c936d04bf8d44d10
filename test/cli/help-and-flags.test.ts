/**
 * Every command's --help lists every flag it parses (its own and the common ones, whoever adds
 * them) and its exit statuses; --version, -o and the completion script come from the same tables.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { commands } from '../../src/cli/main';
import { commonOptions, type Flags } from '../../src/cli/args';
import { projectRoot, runCli } from '../support/cli';

for (const [name, entry] of Object.entries(commands)) {
  test(`calico-gen ${name} --help lists each of its flags and the exit statuses`, () => {
    const result = runCli([name, '--help']);
    assert.equal(result.status, 0, result.stderr);
    const flags: Flags = { ...entry.load().flags, ...commonOptions };
    assert.ok(Object.keys(flags).length >= Object.keys(commonOptions).length);
    for (const [flag, spec] of Object.entries(flags)) {
      const label = `${spec.short ? `-${spec.short}, ` : ''}--${flag}`;
      assert.match(result.stdout, new RegExp(`^ {2}${label.replace(/[-,]/g, '\\$&')}\\b`, 'm'), `${name} --help misses ${label}`);
    }
    assert.match(result.stdout, /^Exit status:\n {2}0 /m);
    assert.match(result.stdout, /^ {2}1 /m);
  });
}

test('the help of a command with --detailed-exitcode names exit status 2', () => {
  for (const name of ['diff', 'review']) assert.match(runCli([name, '--help']).stdout, /^ {2}2 {2}\S/m, name);
});

test('--version prints the package version', () => {
  const { version } = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  const result = runCli(['--version']);
  assert.deepEqual([result.status, result.stdout, result.stderr], [0, `calico-gen ${version}\n`, '']);
});

test('-o is --format, in every command that has it', () => {
  const withFormat = Object.entries(commands).filter(([, entry]) => 'format' in entry.load().flags).map(([name]) => name);
  assert.deepEqual(withFormat.sort(), ['capacity', 'diff', 'review', 'synth', 'validate']);
  for (const name of withFormat) assert.equal(commands[name]!.load().flags.format!.short, 'o', name);
  const short = runCli(['validate', '-o', 'json']);
  assert.equal(short.status, 0, short.stderr);
  assert.deepEqual(JSON.parse(short.stdout), JSON.parse(runCli(['validate', '--format', 'json']).stdout));
  assert.match(runCli(['validate', '-o', 'yaml']).stderr, /^calico-gen: --format "yaml" is not one of text, json, github\n$/);
});

test('the input limit, --show-secrets and --force are in the tables of the commands that take them, with their help', () => {
  const expected: [string, string, RegExp][] = [
    ['validate', 'max-input-size SIZE', /refuse a values or manifest file larger than SIZE, before reading it \(default 256MiB/],
    ['capacity', 'max-input-size SIZE', /refuse a values or manifest file larger than SIZE/],
    ['diff', 'max-input-size SIZE', /refuse a dump, values or kubeconfig file larger than SIZE/],
    ['import', 'max-input-size SIZE', /refuse a values file larger than SIZE/],
    ['diff', 'show-secrets', /show release values that look sensitive .* instead of <redacted>/],
    ['review', 'show-secrets', /show values that look sensitive .* instead of <redacted>/],
    ['import', 'force', /overwrite files that already exist \(without it, nothing is read when any does\)/],
  ];
  for (const [name, flag, help] of expected) {
    const text = runCli([name, '--help']).stdout;
    // the flag's line and its wrapped continuation, as one
    const entry = new RegExp(`^ {2}--${flag.replace(/-/g, '\\-')}\\b.*(?:\\n {6,}.*)*`, 'm').exec(text)?.[0].replace(/\s+/g, ' ');
    assert.ok(entry, `${name} --help misses --${flag}`);
    assert.match(entry, help, `${name} --${flag}`);
  }
  for (const name of ['synth', 'review']) assert.ok(!('max-input-size' in commands[name]!.load().flags), `${name} reads no user file: no limit to raise`);
});
