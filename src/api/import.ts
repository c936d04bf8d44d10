/**
 * `import`: a helmfile values tree → cluster definitions, written only when every cluster's
 * synthesised values equal its layered values and no file would be overwritten unasked. Whether
 * the targets exist is known from the tree's layout alone, so that is checked before any value is
 * read; the files are then written all or none.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { generateModules, importTargets, type GeneratedFile } from '../import/codegen/modules';
import { PACKAGE } from '../import/codegen/code';
import { ImportFailed, type ImportProblem } from '../import/errors';
import { importValuesTree, type ImportedFleet } from '../import/import';
import { UserError } from '../util/errors';
import { summarise, type FindingsReport } from '../core/findings';
import { runPipeline } from '../pipeline';
import type { EvaluationOptions } from './evaluation';
import { readLayout } from '../import/layout';
import { commitFiles } from '../util/file-transaction';

export interface ImportOptions extends EvaluationOptions {
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
  /** larger values files are refused before they are read (default 256 MiB) */
  maxInputBytes?: number;
}

export type ImportResult =
  /**
   * Written; then checked as `validate` checks them: the imported fleet's findings (errors the
   * values tree already had included), or why the written definitions could not be checked;
   * `warnings`: the definitions cannot resolve `calico-gen` where they were written
   */
  | { status: 'imported'; fleet: ImportedFleet; files: GeneratedFile[]; warnings: string[]; report?: FindingsReport; uncheckable?: string }
  /** values the model cannot hold, or the definitions would not reproduce: nothing written */
  | { status: 'unmappable'; problems: readonly ImportProblem[] }
  /** files import would write exist already (without `force`): nothing read, nothing written */
  | { status: 'exists'; existing: string[] };

export { formatProblem } from '../import/errors';
export { parseGroupFlags } from '../import/layout';

export async function importFleet(options: ImportOptions): Promise<ImportResult> {
  const layout = readLayout(path.resolve(options.cwd, options.valuesDir), options.groups ?? new Map());
  const outDir = path.resolve(options.cwd, options.outDir);
  const shown = (file: string) => path.relative(options.cwd, path.join(outDir, file));
  const existing = importTargets(layout).filter((file) => exists(path.join(outDir, file)));
  if (existing.length > 0 && !options.force) return { status: 'exists', existing: existing.map(shown) };
  let fleet: ImportedFleet;
  try {
    fleet = await importValuesTree({ valuesDir: options.valuesDir, groups: options.groups ?? new Map(), layout, cwd: options.cwd, maxInputBytes: options.maxInputBytes });
  } catch (error) {
    if (!(error instanceof ImportFailed)) throw error;
    return { status: 'unmappable', problems: error.problems };
  }
  const files = generateModules(fleet, options.command);
  commitFiles(
    files.map((file) => ({ file: path.join(outDir, file.path), content: file.content })),
    [],
    { display: (file) => path.relative(options.cwd, file) },
  );
  // definitions that cannot load calico-gen yet cannot be checked: say how to install it instead
  if (!resolvesPackage(outDir)) return { status: 'imported', fleet, files, warnings: [notInstalled(path.relative(options.cwd, outDir) || '.')] };
  return { status: 'imported', fleet, files, warnings: [], ...(await checkWritten(outDir, options)) };
}

/**
 * The written definitions through `validate`: import never drops what the values say, so a fleet
 * with errors is written as it is, and its findings (where they are in the new files) say what to
 * fix or acknowledge. Import adds no acknowledgement itself.
 */
async function checkWritten(clustersDir: string, evaluation: EvaluationOptions): Promise<{ report: FindingsReport } | { uncheckable: string }> {
  try {
    const run = await runPipeline({ clustersDir, limits: evaluation.limits, note: evaluation.note });
    return { report: summarise(run.findings) };
  } catch (error) {
    if (error instanceof UserError) return { uncheckable: error.message };
    throw error;
  }
}

function exists(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/** Whether `import … from 'calico-gen'` in a file of the folder finds calico-gen, as node will when synth loads it. */
function resolvesPackage(folder: string): boolean {
  try {
    createRequire(path.join(folder, 'definition.ts')).resolve(PACKAGE);
    return true;
  } catch {
    return false;
  }
}

function notInstalled(folder: string): string {
  return `the definitions in ${folder} import '${PACKAGE}', which is not installed there or in a folder above it: install it in that project (npm install --save-dev ${PACKAGE}) before \`${PACKAGE} synth --clusters-dir ${folder}\``;
}
