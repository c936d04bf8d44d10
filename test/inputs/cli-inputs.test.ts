/**
 * Input files that cannot fool calico-gen or sink it, through the real CLI: a layer that cannot be
 * read is an error naming it (never a skipped layer), a file over the size limit is refused before
 * it is read on every command that reads files, and garbage gives a few lines and a summary.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { clusterSource, fleetProject, runCli, tempDir, type CliResult } from '../support/cli';

const COMMON = [
  'IPAMConfig:',
  '  strictAffinity: true',
  'PeerAS: 14907',
  'ASLoop: 1',
  'BGPPeers:',
  '  cr1-ams:',
  '    ipv4: 192.0.2.1',
  '    ipv6: 2001:db8:ffff::1',
  "    nodeSelector: topology.kubernetes.io/region == 'ams'",
  'BGPConfiguration:',
  '  asNumber: 64601',
  '  nodeToNodeMeshEnabled: false',
  'IPPools:',
  '  ipv4:',
  '    cidr: 10.64.0.0/17',
  '  ipv6:',
  '    cidr: 2001:db8:a00:c000::/64',
  '',
].join('\n');

/** 1,100 chained aliases: past the 1,000 calico-gen expands, as an alias bomb would be. */
const ALIAS_BOMB = ['a0: &a0 [x]', ...Array.from({ length: 1100 }, (_, i) => `a${i + 1}: &a${i + 1} [*a${i}]`), ''].join('\n');

function project(files: Record<string, string | Buffer>): string {
  const dir = tempDir('inputs');
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

function assertOneLine(result: CliResult, line: RegExp): void {
  assert.equal(result.status, 1, result.stderr);
  assert.equal(result.stdout, '');
  assert.equal(result.stderr.trimEnd().split('\n').length, 1, result.stderr);
  assert.match(result.stderr, line);
  assert.doesNotMatch(result.stderr, /internal error|\n\s+at /);
}

test('a clean values file passes as the baseline of the cases below', () => {
  const dir = project({ 'common.yaml': COMMON, 'ams-main/calico-values.yaml': 'veth_mtu: "1450"\n' });
  const result = runCli(['validate', '--values', 'common.yaml', '--values', 'ams-main/calico-values.yaml'], { cwd: dir });
  assert.equal(result.status, 0, result.stdout);
});

test('a layer with more than 1,000 aliases is an error naming it, not a layer silently dropped', () => {
  // before: b.yaml was skipped, the cluster validated on a.yaml alone, 0 errors, exit 0
  const dir = project({ 'common.yaml': COMMON, 'ams-main/calico-values.yaml': ALIAS_BOMB });
  const result = runCli(['validate', '--values', 'common.yaml', '--values', 'ams-main/calico-values.yaml'], { cwd: dir });
  assert.equal(result.status, 1);
  assert.equal(
    result.stdout,
    'ams-main/calico-values.yaml:1:1: error values-yaml: values: cannot be read: its aliases (*name) expand to more than 1000 copies, as an alias bomb does: write the repeated values out, or use fewer aliases\n1 error, 0 warnings\n',
  );
  const manifests = runCli(['validate', '--manifests', 'ams-main/calico-values.yaml'], { cwd: dir });
  assert.equal(manifests.status, 1);
  assert.match(manifests.stdout, /^ams-main\/calico-values\.yaml:1:1: error manifest-yaml: : cannot be read: its aliases/m);
});

test('an alias without its anchor, and a layer that is not a map, are errors naming the file', () => {
  const dir = project({ 'common.yaml': COMMON, 'alias.yaml': 'veth_mtu: *nowhere\n', 'list.yaml': '- veth_mtu\n' });
  const alias = runCli(['validate', '--values', 'common.yaml', '--values', 'alias.yaml'], { cwd: dir });
  assert.equal(alias.status, 1);
  assert.match(alias.stdout, /^alias\.yaml:1:1: error values-yaml: values: cannot be read: Unresolved alias/m);
  const list = runCli(['validate', '--values', 'common.yaml', '--values', 'list.yaml'], { cwd: dir });
  assert.equal(list.status, 1);
  assert.match(list.stdout, /^list\.yaml:1:1: error values-yaml: values: a values file must be a map/m);
});

test('binary garbage, /dev/zero, a folder: one line naming the file, exit 1', () => {
  const garbage = Buffer.alloc(3 * 2 ** 20);
  for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 251;
  const dir = project({ 'garbage.bin': garbage, 'values/x.yaml': 'a: 1\n' });
  assertOneLine(runCli(['validate', '--values', 'garbage.bin'], { cwd: dir }), /^calico-gen: --values garbage\.bin: is binary, not text \(a zero byte at line 1, column \d+\)\n$/);
  assertOneLine(runCli(['validate', '--values', '/dev/zero'], { cwd: dir }), /^calico-gen: --values \/dev\/zero: is binary, not text/);
  assertOneLine(runCli(['validate', '--manifests', 'values'], { cwd: dir }), /^calico-gen: --manifests values: is a folder, not a file\n$/);
});

test('thousands of YAML errors: the first five in the file and a line for the rest', () => {
  // text, but not YAML: every line a syntax error
  const text = Array.from({ length: 2000 }, (_, i) => `key${i}: [unclosed: {${i}`).join('\n');
  const dir = project({ 'junk.yaml': text });
  for (const flag of ['--values', '--manifests']) {
    const result = runCli(['validate', flag, 'junk.yaml'], { cwd: dir });
    assert.equal(result.status, 1);
    const lines = result.stdout.trimEnd().split('\n');
    assert.ok(lines.length <= 7, `${flag}: ${lines.length} lines`);
    assert.match(lines.at(-2)!, /^junk\.yaml: error (values|manifest)-yaml: [^:]*: … and [\d,]+ more YAML errors in junk\.yaml: is it the YAML file you meant\?$/);
    assert.equal(lines.at(-1), '6 errors, 0 warnings');
    const located = lines.slice(0, 5).map((line) => Number(/^junk\.yaml:(\d+):/.exec(line)?.[1]));
    assert.ok(located.every((line) => line > 0 && line < 10), `the first errors of the file: ${located}`);
  }
});

test('a text file given as manifests: five documents that are not objects, then a count', () => {
  const dir = project({ 'notes.yaml': Array.from({ length: 500 }, (_, i) => `line ${i}\n---\n`).join('') });
  const result = runCli(['validate', '--manifests', 'notes.yaml'], { cwd: dir });
  assert.equal(result.status, 1);
  const lines = result.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 7, result.stdout);
  assert.match(lines[5]!, /… and 495 more documents in notes\.yaml that are not Kubernetes objects/);
});

test('--max-input-size: validate and capacity refuse a larger file before reading it, and read it when raised', () => {
  const dir = project({ 'common.yaml': COMMON });
  const size = fs.statSync(path.join(dir, 'common.yaml')).size;
  for (const command of ['validate', 'capacity']) {
    assertOneLine(
      runCli([command, '--values', 'common.yaml', '--max-input-size', '100'], { cwd: dir }),
      new RegExp(`^calico-gen: --values common\\.yaml: is ${size} bytes, more than the input size limit of 100 bytes: pass --max-input-size 512 to read it\\n$`),
    );
    assert.equal(runCli([command, '--values', 'common.yaml', '--max-input-size', '1KiB'], { cwd: dir }).status, 0);
  }
  assertOneLine(runCli(['validate', '--values', 'common.yaml', '--max-input-size', 'big'], { cwd: dir }), /--max-input-size "big" is not a size: write 512MiB, 1GiB or a number of bytes/);
});

test('--max-input-size: diff refuses a larger --live-file, --live-values or kubeconfig before reading it', () => {
  const dir = fleetProject({ 'ams-main.ts': clusterSource('ams-main') });
  const dump = 'apiVersion: v1\nkind: List\nitems: []\n# padding\n'.padEnd(4096, '#') + '\n';
  fs.writeFileSync(path.join(dir, 'live.yaml'), dump);
  fs.writeFileSync(path.join(dir, 'values.yaml'), `veth_mtu: "1450"\n#${'#'.repeat(4096)}\n`);
  fs.writeFileSync(path.join(dir, 'kubeconfig'), `apiVersion: v1\nkind: Config\n#${'#'.repeat(4096)}\n`);
  const diff = (...args: string[]) => runCli(['diff', '--cluster', 'ams-main', '--max-input-size', '1KiB', ...args], { cwd: dir });
  assertOneLine(diff('--live-file', 'live.yaml'), /^calico-gen: --live-file live\.yaml: is 4(\.\d)? KiB, more than the input size limit of 1 KiB: pass --max-input-size 8KiB to read it\n$/);
  assertOneLine(diff('--live-file', 'live.yaml', '--live-values', 'values.yaml'), /^calico-gen: --live-values values\.yaml: is 4(\.\d)? KiB, more than the input size limit of 1 KiB/);
  assertOneLine(diff('--kubeconfig', 'kubeconfig'), /^calico-gen: kubeconfig \S+kubeconfig: is 4(\.\d)? KiB, more than the input size limit of 1 KiB/);
  assertOneLine(diff('--live-file', '/dev/zero'), /^calico-gen: --live-file \/dev\/zero: is binary, not text/);
});

test('a file the user may not read is one line naming it', (t) => {
  const dir = project({ 'common.yaml': COMMON, 'secret.yaml': 'veth_mtu: "1450"\n' });
  fs.chmodSync(path.join(dir, 'secret.yaml'), 0o000);
  fs.chmodSync(dir, 0o755);
  // root reads anything: run as nobody instead, when this runs as root
  const asRoot = process.getuid?.() === 0;
  if (!asRoot && process.platform === 'win32') return t.skip('no file modes on Windows');
  const result = runCli(['validate', '--values', 'common.yaml', '--values', 'secret.yaml'], { cwd: dir, uid: asRoot ? 65534 : undefined });
  assertOneLine(result, /^calico-gen: --values secret\.yaml: permission denied \(EACCES\)\n$/);
});
