/**
 * File-system errors while synth writes generated/: one line naming the path (never "internal
 * error"), and a run that cannot write every cluster changes none. The disk-full and read-only
 * cases are real file systems (a tmpfs mounted for the test, which needs root: skipped otherwise);
 * the permission case runs the CLI as `nobody` when the tests run as root.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { clusterSource, fleetProject, runCli, type CliResult } from '../support/cli';
import { mountTmpfs, pagesUsed } from '../support/filesystems';
import { commitFiles } from '../../src/util/file-transaction';
import { tempDir } from '../support/cli';

/** Two clusters whose values all change when clusters/shared/mtu.ts does. */
function fleet(): string {
  const cluster = (name: string, as: number, v4: string, v6: string) =>
    `import { mtu } from './shared/mtu';\n${clusterSource(name, 'vethMtu: mtu,', { asNumber: as, v4, v6 })}`;
  return fleetProject({
    'shared/mtu.ts': 'export const mtu = 1450;\n',
    'ams-main.ts': cluster('ams-main', 64601, '10.64.0.0/17', '2001:db8:a00:c000::/64'),
    'fra-main.ts': cluster('fra-main', 64602, '10.72.0.0/17', '2001:db8:f00:c000::/64'),
  });
}

const changeEveryCluster = (dir: string) => fs.writeFileSync(path.join(dir, 'clusters/shared/mtu.ts'), 'export const mtu = 1400;\n');

/** Every file under the folder with its content, hidden ones (temporary files) included. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  if (!fs.existsSync(dir)) return files;
  for (const relative of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const file = path.join(dir, relative);
    files[relative] = fs.lstatSync(file).isFile() ? fs.readFileSync(file, 'utf8') : '<folder>';
  }
  return files;
}

function assertOneLine(result: CliResult, line: RegExp): void {
  assert.equal(result.status, 1, result.stdout);
  assert.equal(result.stderr.trimEnd().split('\n').length, 1, result.stderr);
  assert.match(result.stderr, line);
  assert.doesNotMatch(result.stderr, /internal error|\n\s+at /);
}

test('generated/ is a file: one line naming the path, before any work', () => {
  const dir = fleet();
  fs.writeFileSync(path.join(dir, 'generated'), 'not a folder\n');
  assertOneLine(
    runCli(['synth'], { cwd: dir }),
    /^calico-gen: synth: generated: is a file, but synth writes a folder there \(a folder per cluster in it\): move the file away, or name another folder with --out\n$/,
  );
  assert.equal(fs.readFileSync(path.join(dir, 'generated'), 'utf8'), 'not a folder\n');
});

test("a cluster's folder in generated/ is a file (ENOTDIR): one line naming the path, nothing changed", () => {
  const dir = fleet();
  fs.mkdirSync(path.join(dir, 'generated'));
  fs.writeFileSync(path.join(dir, 'generated/ams-main'), 'not a folder\n');
  const before = snapshot(path.join(dir, 'generated'));
  assertOneLine(
    runCli(['synth'], { cwd: dir }),
    /^calico-gen: cannot write generated\/ams-main\/calico-values\.yaml: a part of the path is a file, not a folder \(ENOTDIR\); nothing was changed\n$/,
  );
  assert.deepEqual(snapshot(path.join(dir, 'generated')), before);
});

test('a generated/ the user may not write (EACCES): one line, nothing changed', () => {
  const dir = fleet();
  assert.equal(runCli(['synth'], { cwd: dir }).status, 0);
  changeEveryCluster(dir);
  const generated = path.join(dir, 'generated');
  const before = snapshot(generated);
  // the project readable by all; generated/ and its folders writable by their owner only
  fs.chmodSync(dir, 0o755);
  for (const folder of [generated, path.join(generated, 'ams-main'), path.join(generated, 'fra-main')]) fs.chmodSync(folder, 0o555);
  const asRoot = process.getuid?.() === 0;
  try {
    const result = runCli(['synth', '--no-cache'], { cwd: dir, uid: asRoot ? 65534 : undefined });
    assertOneLine(result, /^calico-gen: cannot write generated\/ams-main\/calico-values\.yaml: permission denied \(EACCES\); nothing was changed\n$/);
  } finally {
    for (const folder of [generated, path.join(generated, 'ams-main'), path.join(generated, 'fra-main')]) fs.chmodSync(folder, 0o755);
  }
  assert.deepEqual(snapshot(generated), before);
});

test('a read-only file system (EROFS): one line, nothing changed', (t) => {
  const dir = fleet();
  fs.mkdirSync(path.join(dir, 'generated'));
  const mount = mountTmpfs(path.join(dir, 'generated'), { bytes: 1 << 20, readOnly: true });
  if ('reason' in mount) return t.skip(mount.reason);
  try {
    assertOneLine(runCli(['synth'], { cwd: dir }), /^calico-gen: cannot write generated\/ams-main\/calico-values\.yaml: the file system is read-only \(EROFS\); nothing was changed\n$/);
  } finally {
    mount.unmount();
  }
});

test('a disk that fills up half way (ENOSPC): one line; the old files stay, byte for byte, with no temporary files', (t) => {
  const dir = fleet();
  assert.equal(runCli(['synth'], { cwd: dir }).status, 0);
  const needed = pagesUsed(path.join(dir, 'generated'));
  fs.rmSync(path.join(dir, 'generated'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'generated'));
  // room for one synthesis, not for a second beside it: the new files of every cluster are
  // written in full before any replaces an old one
  const mount = mountTmpfs(path.join(dir, 'generated'), { bytes: needed + 4096 });
  if ('reason' in mount) return t.skip(mount.reason);
  try {
    const first = runCli(['synth', '--no-cache'], { cwd: dir });
    assert.equal(first.status, 0, first.stderr);
    const before = snapshot(path.join(dir, 'generated'));
    changeEveryCluster(dir);
    const result = runCli(['synth'], { cwd: dir });
    assertOneLine(result, /^calico-gen: cannot write generated\/\S+: no space left on the device \(ENOSPC\); nothing was changed\n$/);
    assert.deepEqual(snapshot(path.join(dir, 'generated')), before);
  } finally {
    mount.unmount();
  }
});

test('a cluster that cannot be written after others were renamed into place: they are put back', () => {
  const dir = fleet();
  assert.equal(runCli(['synth'], { cwd: dir }).status, 0);
  changeEveryCluster(dir);
  // fra-main's manifests are replaced last; a folder in their place makes that rename fail
  const manifests = path.join(dir, 'generated/fra-main/manifests.yaml');
  fs.rmSync(manifests);
  fs.mkdirSync(manifests);
  fs.writeFileSync(path.join(manifests, 'keep'), '');
  const before = snapshot(path.join(dir, 'generated'));
  assertOneLine(runCli(['synth'], { cwd: dir }), /^calico-gen: cannot write generated\/fra-main\/manifests\.yaml: is a folder, not a file; nothing was changed\n$/);
  assert.deepEqual(snapshot(path.join(dir, 'generated')), before);
  fs.rmSync(manifests, { recursive: true });
  assert.equal(runCli(['synth'], { cwd: dir }).status, 0);
  assert.match(fs.readFileSync(path.join(dir, 'generated/ams-main/calico-values.yaml'), 'utf8'), /^veth_mtu: "1400"$/m);
});

test('the transaction: writes, new folders and removals are all undone when one step fails', () => {
  const dir = tempDir('transaction');
  fs.writeFileSync(path.join(dir, 'a'), 'old a\n');
  fs.writeFileSync(path.join(dir, 'gone'), 'to remove\n');
  fs.mkdirSync(path.join(dir, 'blocked'));
  fs.writeFileSync(path.join(dir, 'blocked/x'), '');
  const before = snapshot(dir);
  assert.throws(
    () =>
      commitFiles(
        [
          { file: path.join(dir, 'a'), content: 'new a\n' },
          { file: path.join(dir, 'new/deep/b'), content: 'b\n' },
          { file: path.join(dir, 'blocked'), content: 'c\n' },
        ],
        [path.join(dir, 'gone')],
        { display: (file) => path.relative(dir, file) },
      ),
    /^UserError: cannot write blocked: is a folder, not a file; nothing was changed$/,
  );
  assert.deepEqual(snapshot(dir), before);
  commitFiles([{ file: path.join(dir, 'a'), content: 'new a\n' }, { file: path.join(dir, 'new/deep/b'), content: 'b\n' }], [path.join(dir, 'gone')]);
  assert.deepEqual(snapshot(dir), { a: 'new a\n', blocked: '<folder>', 'blocked/x': '', new: '<folder>', 'new/deep': '<folder>', 'new/deep/b': 'b\n' });
});

test('temporary files a killed run left are removed by the next; those of a running process are not', () => {
  const dir = fleet();
  assert.equal(runCli(['synth'], { cwd: dir }).status, 0);
  const folder = path.join(dir, 'generated/ams-main');
  // pid 2^22 + 1 is above Linux's pid_max: no process has it; pid 1 always runs
  const dead = 2 ** 22 + 1;
  const leftovers = [`.calico-values.yaml.${dead}.0.tmp`, `.manifests.yaml.${dead}.3.bak`];
  const kept = ['.calico-values.yaml.1.0.tmp', '.notes.yaml.12.0.tmp', 'notes.txt'];
  for (const name of [...leftovers, ...kept]) fs.writeFileSync(path.join(folder, name), 'x');
  changeEveryCluster(dir);
  assert.equal(runCli(['synth'], { cwd: dir }).status, 0);
  assert.deepEqual(fs.readdirSync(folder).sort(), [...kept, 'calico-values.yaml', 'manifests.yaml'].sort());
});
