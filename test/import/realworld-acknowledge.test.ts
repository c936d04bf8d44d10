/**
 * Issue 11 §3 on the real fleet (test/fixtures/realworld): import writes it although two of its
 * routers share an address; synth refuses it, once per mistake, at the router's line; with the two
 * mistakes acknowledged in a copy of the fleet layer, synth writes and validate lists them as
 * acknowledged.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../support/cli';
import { groupFlags, realGroups, realValuesDir, typeErrors, valuesProject } from './support';

const lineOf = (lines: string[], router: string, field: string) => {
  const line = lines.findIndex((text) => text.includes(`name: '${router}'`)) + 1;
  const from = lines.slice(line - 1).findIndex((text) => text.includes(`${field}:`)) + line - 1;
  return `${from + 1}:${lines[from]!.indexOf(`${field}:`) + 1}`;
};

test('the real fleet: imported with its errors, synth refuses the two shared router addresses, acknowledged they pass', () => {
  const dir = valuesProject({});
  fs.rmSync(path.join(dir, 'values'), { recursive: true, force: true });
  fs.symlinkSync(realValuesDir, path.join(dir, 'values'), 'dir');
  const imported = runCli(['import', '--values-dir', 'values', ...groupFlags(realGroups).flatMap((flag) => ['--group', flag])], { cwd: dir });
  assert.equal(imported.status, 1, imported.stderr);
  assert.match(imported.stdout, /^imported 11 cluster\(s\) into clusters\/: 17 file\(s\) written$/m);

  const routers = fs.readFileSync(path.join(dir, 'clusters/shared/routers.ts'), 'utf8').split('\n');
  const synth = runCli(['synth'], { cwd: dir });
  assert.equal(synth.status, 1);
  const errors = synth.stderr.split('\n').filter((line) => / error /.test(line));
  assert.deepEqual(errors.map((line) => line.replace(/: routers .*/, '')), [
    `clusters/shared/routers.ts:${lineOf(routers, 'lsw1-c1-codfw', 'ipv4')}: error peer-ip-duplicate: BGPPeer/lsw1-c1-codfw-ipv4 /spec/peerIP in 11 clusters: aux-k8s-codfw, aux-k8s-eqiad, codfw, dse-k8s-codfw, dse-k8s-eqiad, eqiad, ml-serve-codfw, ml-serve-eqiad, ml-staging-codfw, staging-codfw, staging-eqiad`,
    `clusters/shared/routers.ts:${lineOf(routers, 'lsw1-c2-codfw', 'ipv6')}: error peer-ip-duplicate: BGPPeer/lsw1-c2-codfw-ipv6 /spec/peerIP in 11 clusters: aux-k8s-codfw, aux-k8s-eqiad, codfw, dse-k8s-codfw, dse-k8s-eqiad, eqiad, ml-serve-codfw, ml-serve-eqiad, ml-staging-codfw, staging-codfw, staging-eqiad`,
  ]);
  assert.ok(!fs.existsSync(path.join(dir, 'generated')));

  const fleetFile = path.join(dir, 'clusters/shared/fleet.ts');
  const acknowledged = fs.readFileSync(fleetFile, 'utf8').replace(
    'export const fleetDefaults = defineLayer({\n',
    [
      'export const fleetDefaults = defineLayer({',
      '  acknowledge: [',
      "    { rule: 'peer-ip-duplicate', object: 'BGPPeer/lsw1-c1-codfw-ipv4', reason: 'T1: lsw1-c1-codfw gets its own address', until: '2999-12-31' },",
      "    { rule: 'peer-ip-duplicate', object: 'BGPPeer/lsw1-c2-codfw-ipv6', reason: 'T1: lsw1-c2-codfw gets its own address', until: '2999-12-31' },",
      '  ],',
      '',
    ].join('\n'),
  );
  assert.notEqual(acknowledged, fs.readFileSync(fleetFile, 'utf8'));
  fs.writeFileSync(fleetFile, acknowledged);
  assert.deepEqual(typeErrors(path.join(dir, 'clusters')), []);

  const written = runCli(['synth'], { cwd: dir });
  assert.equal(written.status, 0, written.stderr);
  assert.match(written.stdout, /^synthesised 11 clusters /);
  assert.equal(fs.readdirSync(path.join(dir, 'generated')).length, 11);
  const validate = runCli(['validate', '--format', 'json'], { cwd: dir });
  assert.equal(validate.status, 0, validate.stdout);
  const report = JSON.parse(validate.stdout) as { findings: { rule: string; object: string; clusters?: string[]; acknowledged?: { reason: string } }[]; summary: unknown };
  assert.deepEqual(report.summary, { errors: 0, warnings: 0, acknowledged: 2 });
  assert.deepEqual(
    report.findings.map((f) => [f.rule, f.object, f.clusters?.length, f.acknowledged?.reason]),
    [
      ['peer-ip-duplicate', 'BGPPeer/lsw1-c1-codfw-ipv4', 11, 'T1: lsw1-c1-codfw gets its own address'],
      ['peer-ip-duplicate', 'BGPPeer/lsw1-c2-codfw-ipv6', 11, 'T1: lsw1-c2-codfw gets its own address'],
    ],
  );
});
