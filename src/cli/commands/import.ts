import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCommandArgs } from '../args';
import type { CliIo } from '../io';
import { EXIT_FAILURE, EXIT_OK } from '../io';
import { UserError } from '../../util/errors';
import { writeAtomic } from '../../util/atomic-write';
import { ImportFailed, formatProblem } from '../../import/errors';
import { importValuesTree, type ImportedFleet } from '../../import/import';
import { parseGroupFlags } from '../../import/layout';
import { generateModules, type GeneratedFile } from '../../import/codegen/modules';

const help = `usage: calico-gen import --values-dir DIR [--group GROUP=CLUSTER[,CLUSTER...]]... [--out DIR] [--force]

Turns a helmfile values tree (common.yaml, common-bgp.yaml, <group>.yaml, <cluster>/values.yaml,
<cluster>/calico-values.yaml) into cluster definitions: shared/routers.ts, shared/fleet.ts,
shared/groups/<group>.ts and one <cluster>.ts per folder with a calico-values.yaml.
Nothing is written unless every cluster's synthesised values equal its layered values.
  --values-dir DIR   the values tree (helmfile.d/admin_ng/values)
  --group G=C1,C2    clusters C1, C2 layer G.yaml (repeatable); a cluster not named here goes to the
                     one group whose file name starts its name (ml-serve-eqiad → ml-serve.yaml)
  --out DIR          the clusters folder to write (default: clusters)
  --force            overwrite files that already exist
`;

export async function importCommand(argv: string[], io: CliIo): Promise<number> {
  const { values: args } = parseCommandArgs('import', argv, {
    'values-dir': { type: 'string' },
    group: { type: 'string', multiple: true },
    out: { type: 'string', default: 'clusters' },
    force: { type: 'boolean' },
  });
  if (args.help) {
    io.stdout.write(help);
    return EXIT_OK;
  }
  if (!args['values-dir']) throw new UserError('import: --values-dir DIR is required (the helmfile values tree to import)');
  let fleet: ImportedFleet;
  try {
    fleet = importValuesTree({ valuesDir: args['values-dir'], groups: parseGroupFlags(args.group ?? []), cwd: io.cwd });
  } catch (error) {
    if (!(error instanceof ImportFailed)) throw error;
    for (const problem of error.problems) io.stderr.write(`${formatProblem(problem)}\n`);
    io.stderr.write(`calico-gen: import: nothing written: ${error.problems.length} value(s) cannot be mapped (see above)\n`);
    return EXIT_FAILURE;
  }
  const outDir = path.resolve(io.cwd, args.out!);
  const files = generateModules(fleet, ['calico-gen', 'import', ...argv.filter((a) => a !== '--force').map(shellQuote)]);
  const existing = files.filter((file) => differs(path.join(outDir, file.path), file.content));
  if (existing.length > 0 && !args.force) {
    io.stderr.write(`calico-gen: import: nothing written: ${existing.map((f) => path.join(args.out!, f.path)).join(', ')} already exist(s): pass --force to overwrite\n`);
    return EXIT_FAILURE;
  }
  for (const file of files) writeAtomic(path.join(outDir, file.path), file.content);
  io.stdout.write(summary(fleet, files, args.out!));
  return EXIT_OK;
}

function differs(file: string, content: string): boolean {
  try {
    return fs.readFileSync(file, 'utf8') !== content;
  } catch {
    return false;
  }
}

function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_./,=:@%+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function summary(fleet: ImportedFleet, files: readonly GeneratedFile[], out: string): string {
  const lines = [`imported ${fleet.clusters.length} cluster(s) into ${out}/: ${files.length} file(s) written`];
  for (const [group] of fleet.groups) {
    const members = fleet.clusters.filter((c) => c.layout.group === group);
    lines.push(`  group ${group}: ${members.map((c) => `${c.layout.name}${c.layout.groupFrom === 'name' ? ' (by name)' : ''}`).join(', ')}`);
  }
  const ignored = [...new Set([...fleet.ignoredKeys.values()].flat())].sort();
  if (ignored.length > 0) lines.push(`  left alone, not read by the calico chart: ${ignored.join(', ')}`);
  lines.push(
    '',
    'Next: run `calico-gen synth`, give the calico release generated/<cluster>/calico-values.yaml as its only',
    'Calico values, and remove the chart\'s keys from the old layers, which would otherwise still merge in:',
    ...[...fleet.chartKeys].map(([file, keys]) => `  ${file}: ${keys.join(', ')}`),
  );
  return `${lines.join('\n')}\n`;
}
