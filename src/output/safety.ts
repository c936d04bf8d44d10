/**
 * Where synth may write. `generated/` (or a cluster folder in it) may be a symbolic link: one that
 * leads outside the project would have a synth write, and remove, files somewhere else entirely,
 * so it is refused, with one line saying where it leads. An output folder named outside the
 * project on purpose (`--out /srv/calico`) is the user's choice and is not second-guessed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError } from '../util/errors';

export function checkOutputFolder(outDir: string, projectDir: string, clusters: readonly string[], display: (file: string) => string): void {
  const project = realPath(projectDir);
  const out = realPath(outDir);
  if (isInside(path.resolve(outDir), path.resolve(projectDir)) && !isInside(out, project)) {
    throw new UserError(
      `${display(outDir)} leads outside the project, to ${out} (through a symbolic link): synth does not write there; remove the link, or pass --out ${out} to write there on purpose`,
      { file: outDir },
    );
  }
  // one listing of the folder finds the links among the cluster folders (not a stat per cluster)
  const names = new Set(clusters);
  for (const entry of linkEntries(outDir)) {
    if (!names.has(entry)) continue;
    const folder = path.join(outDir, entry);
    const target = realPath(folder);
    if (!isInside(target, out)) {
      throw new UserError(`${display(folder)} is a symbolic link to ${target}, outside ${display(outDir)}: synth does not write through it; remove the link`, { file: folder });
    }
  }
}

function linkEntries(folder: string): string[] {
  try {
    return fs
      .readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isSymbolicLink())
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}

/**
 * The real path of a path that may not exist yet: its nearest existing ancestor resolved, the rest
 * appended; a link whose target does not exist yet (mkdir would create it) counts as its target.
 */
function realPath(file: string, depth = 0): string {
  const absolute = path.resolve(file);
  try {
    return fs.realpathSync(absolute);
  } catch {
    // not there, or a link to somewhere not there yet
  }
  if (depth < 40) {
    try {
      return realPath(path.resolve(path.dirname(absolute), fs.readlinkSync(absolute)), depth + 1);
    } catch {
      // not a link
    }
  }
  const parent = path.dirname(absolute);
  return parent === absolute ? absolute : path.join(realPath(parent, depth), path.basename(absolute));
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}
