import * as path from 'node:path';
import { parseCommandArgs, type Flags } from '../args';
import { formatHelp } from '../help';
import type { CliIo } from '../io';
import { EXIT_FAILURE, EXIT_OK } from '../io';
import { UserError } from '../../util/errors';
import { importFleet } from '../../api/import';
import { formatProblem } from '../../import/errors';
import { parseGroupFlags } from '../../import/layout';
import { formatImportSummary } from '../../report/import';

export const flags = {
  'values-dir': { type: 'string', value: 'DIR', path: true, help: 'the values tree (helmfile.d/admin_ng/values); required' },
  group: { type: 'string', multiple: true, value: 'G=C1,C2', help: 'clusters C1, C2 layer G.yaml (repeatable); a cluster not named here goes to the\none group whose file name starts its name (ml-serve-eqiad → ml-serve.yaml)' },
  out: { type: 'string', value: 'DIR', path: true, help: 'the clusters folder to write (default: clusters/ of the project, else of the working directory)' },
  force: { type: 'boolean', help: 'overwrite files that already exist' },
} as const satisfies Flags;

const help = formatHelp({
  usage: 'calico-gen import --values-dir DIR [--group GROUP=CLUSTER[,CLUSTER...]]... [--out DIR] [--force]',
  about: `Turns a helmfile values tree (common.yaml, common-bgp.yaml, <group>.yaml, <cluster>/values.yaml,
<cluster>/calico-values.yaml) into cluster definitions: shared/routers.ts, shared/fleet.ts,
shared/groups/<group>.ts and one <cluster>.ts per folder with a calico-values.yaml.
Nothing is written unless every cluster's synthesised values equal its layered values.
(--clusters-dir is not read: import writes to --out.)`,
  flags,
  exit: ['0  written', '1  a value that cannot be mapped, files that exist (without --force), or a failure: nothing written'],
});

export async function importCommand(argv: string[], io: CliIo): Promise<number> {
  const { values: args } = parseCommandArgs('import', argv, flags);
  if (args.help) {
    io.stdout.write(help);
    return EXIT_OK;
  }
  if (!args['values-dir']) throw new UserError('import: --values-dir DIR is required (the helmfile values tree to import)');
  const out = args.out ?? (path.relative(io.cwd, path.join(io.projectRoot ?? io.cwd, 'clusters')) || 'clusters');
  const result = await importFleet({
    valuesDir: args['values-dir'],
    groups: parseGroupFlags(args.group ?? []),
    outDir: out,
    force: args.force,
    command: ['calico-gen', 'import', ...argv.filter((a) => a !== '--force').map(shellQuote)],
    cwd: io.cwd,
  });
  switch (result.status) {
    case 'unmappable':
      for (const problem of result.problems) io.stderr.write(`${formatProblem(problem)}\n`);
      io.stderr.write(`calico-gen: import: nothing written: ${result.problems.length} value(s) cannot be mapped (see above)\n`);
      return EXIT_FAILURE;
    case 'exists':
      io.stderr.write(`calico-gen: import: nothing written: ${result.existing.join(', ')} already exist(s): pass --force to overwrite\n`);
      return EXIT_FAILURE;
    default:
      io.stdout.write(formatImportSummary(result.fleet, result.files, out));
      return EXIT_OK;
  }
}

function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_./,=:@%+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
