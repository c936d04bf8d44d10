/**
 * What calico-gen's own output depends on besides the definitions: its compiled code, its schemas
 * and the versions of the packages it runs on (cdk8s renders the objects, yaml and ajv read and
 * check them, esbuild transpiles the definitions). Any change to them invalidates every cached
 * synthesis. Code files are identified by their stat (size, modification and change times, inode),
 * not their content: reading all the code would cost every cached run a good share of its time.
 * Tools can set a file's modification time back (npm does, to a fixed date, for every file it
 * installs), but not its change time, which any write or rename moves: a file that changed
 * always changes the fingerprint, and a rebuild only ever errs on the side of synthesising again.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

const installRoot = path.resolve(__dirname, '..', '..', '..');
const codeDirs = ['dist/src', 'dist/charts-src', 'schemas/compiled'];

let memo: string | undefined;

export function codeFingerprint(): string {
  memo ??= fingerprintOf(installRoot);
  return memo;
}

/** The fingerprint of the calico-gen installed at `root`. */
export function fingerprintOf(root: string): string {
  const hash = createHash('sha256');
  const manifest = fs.readFileSync(path.join(root, 'package.json'));
  hash.update(manifest);
  const dependencies = Object.keys((JSON.parse(manifest.toString('utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {});
  for (const name of dependencies.sort()) hash.update(`${name}@${installedVersion(root, name)}\0`);
  for (const dir of codeDirs) {
    for (const file of listFiles(path.join(root, dir))) {
      const stat = fs.statSync(file);
      hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\0${stat.ctimeMs}\0${stat.ino}\0`);
    }
  }
  return hash.digest('hex');
}

/** The version Node would load: from the nearest node_modules up from calico-gen (its own, or the fleet's when installed). */
function installedVersion(root: string, name: string): string {
  for (let dir = root; ; dir = path.dirname(dir)) {
    try {
      return (JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version?: string }).version ?? '';
    } catch {
      if (path.dirname(dir) === dir) return 'missing';
    }
  }
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
