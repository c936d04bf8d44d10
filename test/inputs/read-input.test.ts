/**
 * The reader every user file goes through: a size limit checked before reading, a bounded read
 * for what has no size (devices, pipes), and text that is not UTF-8 refused with one line.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { readInputFile, readInputText, DEFAULT_MAX_INPUT_BYTES } from '../../src/util/input-file';
import { formatByteSize, parseByteSize } from '../../src/util/byte-size';
import { tempDir } from '../support/cli';

const reasonOf = (file: string, maxBytes?: number) => {
  const read = readInputText(file, maxBytes);
  return 'reason' in read ? read.reason : undefined;
};

test('the default limit is 256 MiB; sizes read as people write them', () => {
  assert.equal(DEFAULT_MAX_INPUT_BYTES, 256 * 1024 * 1024);
  assert.equal(parseByteSize('1GiB'), 2 ** 30);
  assert.equal(parseByteSize('512 MiB'), 512 * 2 ** 20);
  assert.equal(parseByteSize('300MB'), 300e6);
  assert.equal(parseByteSize('1.5Gi'), 1.5 * 2 ** 30);
  assert.equal(parseByteSize('4096'), 4096);
  for (const wrong of ['', 'lots', '-1', '0', '1 GiBs', '1e9']) assert.equal(parseByteSize(wrong), undefined, wrong);
  assert.equal(formatByteSize(256 * 2 ** 20), '256 MiB');
  assert.equal(formatByteSize(300), '300 bytes');
});

test('a file over the limit is refused from its size alone, before a byte is read', () => {
  const dir = tempDir('read');
  // sparse: 3 GiB on paper, nothing on disk; reading it would take seconds and gigabytes
  const big = path.join(dir, 'big.yaml');
  fs.closeSync(fs.openSync(big, 'w'));
  fs.truncateSync(big, 3 * 2 ** 30);
  assert.equal(reasonOf(big), 'is 3 GiB, more than the input size limit of 256 MiB: pass --max-input-size 4GiB to read it');
  const small = path.join(dir, 'small.yaml');
  fs.writeFileSync(small, 'a: 1\n'.repeat(100));
  assert.match(reasonOf(small, 100)!, /^is 500 bytes, more than the input size limit of 100 bytes: pass --max-input-size 512 to read it$/);
  assert.equal(reasonOf(small, 500), undefined);
});

test('/dev/zero fails at its first byte; /dev/urandom as binary; neither is read to the limit', () => {
  assert.equal(reasonOf('/dev/zero'), 'is binary, not text (a zero byte at line 1, column 1)');
  assert.match(reasonOf('/dev/urandom')!, /^is (binary, not text|not UTF-8 text)/);
});

test('a FIFO is read up to the limit and no further; a FIFO with a short text is read whole', async () => {
  const dir = tempDir('fifo');
  const endless = path.join(dir, 'endless');
  assert.equal(spawnSync('mkfifo', [endless]).status, 0);
  // `yes` writes forever: only the bounded read can stop it
  const writer = spawn('sh', ['-c', `yes 'a: b' > '${endless}'`], { stdio: 'ignore' });
  try {
    assert.equal(reasonOf(endless, 2 ** 20), 'has more than the input size limit of 1 MiB (it has no size of its own to check first: a device or a pipe?): pass --max-input-size 2MiB to read more');
  } finally {
    writer.kill();
  }
  const short = path.join(dir, 'short');
  assert.equal(spawnSync('mkfifo', [short]).status, 0);
  const once = spawn('sh', ['-c', `printf 'veth_mtu: "1450"\\n' > '${short}'`], { stdio: 'ignore' });
  assert.deepEqual(readInputText(short), { text: 'veth_mtu: "1450"\n' });
  await new Promise((resolve) => once.on('exit', resolve));
});

test('binary, UTF-16 and Latin-1 files are refused with where the first bad byte is; UTF-8 passes', () => {
  const dir = tempDir('encoding');
  const write = (name: string, bytes: Buffer | string) => {
    fs.writeFileSync(path.join(dir, name), bytes);
    return path.join(dir, name);
  };
  assert.equal(reasonOf(write('nul.yaml', Buffer.from('a: 1\nb: x\u0000y\n'))), 'is binary, not text (a zero byte at line 2, column 5)');
  assert.equal(reasonOf(write('utf16.yaml', Buffer.from('\ufeffa: 1\n', 'utf16le'))), 'is UTF-16 text: save it as UTF-8');
  assert.equal(reasonOf(write('latin1.yaml', Buffer.from('a: 1\nname: caf\xe9\n', 'latin1'))), 'is not UTF-8 text (byte 0xe9 at line 2, column 10): save it as UTF-8');
  assert.match(reasonOf(write('overlong.yaml', Buffer.from([0x61, 0x3a, 0x20, 0xc0, 0xaf, 0x0a])))!, /^is not UTF-8 text \(byte 0xc0 at line 1, column 4\)/);
  assert.match(reasonOf(write('truncated.yaml', Buffer.from([0x61, 0x3a, 0x20, 0xe2, 0x82])))!, /^is not UTF-8 text \(byte 0xe2 at line 1, column 4\)/);
  assert.deepEqual(readInputText(write('utf8.yaml', 'site: "Zürich ✓"\n')), { text: 'site: "Zürich ✓"\n' });
});

test('a folder, a missing file and a broken link are one line each, naming the file as the user did', () => {
  const dir = tempDir('unreadable');
  fs.mkdirSync(path.join(dir, 'values'));
  fs.symlinkSync(path.join(dir, 'gone.yaml'), path.join(dir, 'link.yaml'));
  fs.writeFileSync(path.join(dir, 'file'), '');
  const message = (file: string) => {
    try {
      readInputFile(file, dir, '--values');
      return 'read';
    } catch (error) {
      return (error as Error).message;
    }
  };
  assert.equal(message('values'), '--values values: is a folder, not a file');
  assert.equal(message('nowhere.yaml'), '--values nowhere.yaml: no such file');
  assert.equal(message('link.yaml'), '--values link.yaml: no such file');
  assert.equal(message('file/x.yaml'), '--values file/x.yaml: a part of the path is a file, not a folder (ENOTDIR)');
});
