/**
 * `import`: a helmfile values tree → cluster definitions, written only when every cluster's
 * synthesised values equal its layered values and no file would be overwritten unasked.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateModules, type GeneratedFile } from '../import/codegen/modules';
import { ImportFailed, type ImportProblem } from '../import/errors';
import { importValuesTree, type ImportedFleet } from '../import/import';
import { writeAtomic } from '../util/atomic-write';
import { UserError } from '../util/errors';
import { summarise, type FindingsReport } from '../core/findings';
import { runPipeline } from '../pipeline';

export interface ImportOptions {
  /** the values tree (helmfile.d/admin_ng/values), relative to `cwd` */
  valuesDir: string;
  /** cluster → group, for clusters whose group does not start their name */
  groups?: ReadonlyMap<string, string>;
  /** the clusters folder to write */
  outDir: string;
  /** overwrite files that already exist */
  force?: boolean;
  /** the command line that imports, written into each file's header */
  command: readonly string[];
  cwd: string;
}

export type ImportResult =
  /**
   * Written; then checked as `validate` checks them: the imported fleet's findings (errors the
   * values tree already had included), or why the written definitions could not be checked
   */
  | { status: 'imported'; fleet: ImportedFleet; files: GeneratedFile[]; report?: FindingsReport; uncheckable?: string }
  /** values the model cannot hold, or the definitions would not reproduce: nothing written */
  | { status: 'unmappable'; problems: readonly ImportProblem[] }
  /** files that exist with other content (without `force`): nothing written */
  | { status: 'exists'; existing: string[] };

export async function importFleet(options: ImportOptions): Promise<ImportResult> {
  let fleet: ImportedFleet;
  try {
    fleet = await importValuesTree({ valuesDir: options.valuesDir, groups: options.groups ?? new Map(), cwd: options.cwd });
  } catch (error) {
    if (!(error instanceof ImportFailed)) throw error;
    return { status: 'unmappable', problems: error.problems };
  }
  const outDir = path.resolve(options.cwd, options.outDir);
  const files = generateModules(fleet, options.command);
  const existing = files.filter((file) => differs(path.join(outDir, file.path), file.content)).map((file) => path.join(options.outDir, file.path));
  if (existing.length > 0 && !options.force) return { status: 'exists', existing };
  for (const file of files) writeAtomic(path.join(outDir, file.path), file.content);
  return { status: 'imported', fleet, files, ...(await checkWritten(outDir)) };
}

/**
 * The written definitions through `validate`: import never drops what the values say, so a fleet
 * with errors is written as it is, and its findings (where they are in the new files) say what to
 * fix or acknowledge. Import adds no acknowledgement itself.
 */
async function checkWritten(clustersDir: string): Promise<{ report: FindingsReport } | { uncheckable: string }> {
  try {
    const run = await runPipeline({ clustersDir });
    return { report: summarise(run.findings) };
  } catch (error) {
    if (error instanceof UserError) return { uncheckable: error.message };
    throw error;
  }
}

function differs(file: string, content: string): boolean {
  try {
    return fs.readFileSync(file, 'utf8') !== content;
  } catch {
    return false;
  }
}
