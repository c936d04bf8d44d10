/**
 * What calico-gen's own output depends on besides the definitions: its compiled code and its
 * schemas. Any change to them invalidates every cached synthesis. Files are identified by size
 * and modification time, not content: reading all the code would cost every cached run a good share
 * of its time, and a rebuild (new times) only ever errs on the side of synthesising again.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

const installRoot = path.resolve(__dirname, '..', '..', '..');
const codeDirs = ['dist/src', 'dist/charts-src', 'schemas/compiled'];

let memo: string | undefined;

export function codeFingerprint(): string {
  if (memo) return memo;
  const hash = createHash('sha256');
  hash.update(fs.readFileSync(path.join(installRoot, 'package.json')));
  for (const dir of codeDirs) {
    for (const file of listFiles(path.join(installRoot, dir))) {
      const stat = fs.statSync(file);
      hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\0`);
    }
  }
  memo = hash.digest('hex');
  return memo;
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(full));
    else if (entry.name.endsWith('.js')) files.push(full);
  }
  return files.sort();
}
