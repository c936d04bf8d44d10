import * as path from 'node:path';
import { evaluationFlags, evaluationOf, maxInputSize, maxInputSizeFlag, parseCommandArgs, type Flags } from '../args';
import { formatHelp } from '../help';
import type { CliIo } from '../io';
import { EXIT_FAILURE, EXIT_OK } from '../io';
import { UserError } from '../../util/errors';
import { formatImportErrors, formatImportSummary } from '../../report/import';
import { formatFindings } from '../../report/findings';

export const flags = {
  'values-dir': { type: 'string', value: 'DIR', path: true, help: 'the values tree (helmfile.d/admin_ng/values); required' },
  group: { type: 'string', multiple: true, value: 'G=C1,C2', help: 'clusters C1, C2 layer G.yaml (repeatable); a cluster not named here goes to the\none group whose file name starts its name (ml-serve-eqiad → ml-serve.yaml)' },
  out: { type: 'string', value: 'DIR', path: true, help: 'the clusters folder to write (default: clusters/ of the project, else of the working directory)' },
  force: { type: 'boolean', help: 'overwrite files that already exist (without it, nothing is read when any does)' },
  'max-input-size': maxInputSizeFlag('a values file'),
  // the written definitions are evaluated to check them
  ...evaluationFlags,
} as const satisfies Flags;

const help = formatHelp({
  usage: 'calico-gen import --values-dir DIR [--group GROUP=CLUSTER[,CLUSTER...]]... [--out DIR] [--force]',
  about: `Turns a helmfile values tree (common.yaml, common-bgp.yaml, <group>.yaml, <cluster>/values.yaml,
<cluster>/calico-values.yaml) into cluster definitions: shared/routers.ts, shared/fleet.ts,
shared/groups/<group>.ts and one <cluster>.ts per folder with a calico-values.yaml.
Nothing is written unless every cluster's synthesised values equal its layered values. The
written definitions are then checked as validate checks them; errors the values already had are
printed with how to fix or acknowledge them, and the exit status is 1.
(--clusters-dir is not read: import writes to --out.)`,
  flags,
  exit: [
    '0  written, and the written definitions have no error finding',
    '1  written, but the written definitions have error findings (printed, with how to fix or acknowledge them)',
    '1  a value that cannot be mapped, files that exist (without --force), or a failure: nothing written',
  ],
});

export async function importCommand(argv: string[], io: CliIo): Promise<number> {
  const { values: args } = parseCommandArgs('import', argv, flags);
  if (args.help) {
    io.stdout.write(help);
    return EXIT_OK;
  }
  if (!args['values-dir']) throw new UserError('import: --values-dir DIR is required (the helmfile values tree to import)');
  // the values reader and its YAML library load only for an import, not for --help or a refused flag
  const { formatProblem, importFleet, parseGroupFlags } = require('../../api/import') as typeof import('../../api/import');
  const out = args.out ?? (path.relative(io.cwd, path.join(io.projectRoot ?? io.cwd, 'clusters')) || 'clusters');
  const result = await importFleet({
    valuesDir: args['values-dir'],
    groups: parseGroupFlags(args.group ?? []),
    outDir: out,
    force: args.force,
    command: ['calico-gen', 'import', ...portableArgs(argv, io.cwd).map(shellQuote)],
    cwd: io.cwd,
    maxInputBytes: maxInputSize(args['max-input-size']),
    ...evaluationOf(args, io),
  });
  switch (result.status) {
    case 'unmappable':
      for (const problem of result.problems) io.stderr.write(`${formatProblem(problem)}\n`);
      io.stderr.write(`calico-gen: import: nothing written: ${result.problems.length} value(s) cannot be mapped (see above)\n`);
      return EXIT_FAILURE;
    case 'exists':
      io.stderr.write(`calico-gen: import: nothing read, nothing written: ${result.existing.join(', ')} exist${result.existing.length > 1 ? '' : 's'} already: pass --force to overwrite\n`);
      return EXIT_FAILURE;
    default: {
      io.stdout.write(formatImportSummary(result.fleet, result.files, out));
      for (const warning of result.warnings) io.stderr.write(`calico-gen: warning: ${warning}\n`);
      if (result.uncheckable) {
        io.stderr.write(`calico-gen: import: written, but the definitions could not be checked: ${result.uncheckable}\n`);
        return EXIT_FAILURE;
      }
      const report = result.report;
      if (!report || report.findings.length === 0) return EXIT_OK;
      io.stderr.write(`\nChecked as \`calico-gen validate\` checks them:\n${formatFindings(report, 'text')}`);
      io.stderr.write(formatImportErrors(report, out, result.fleet.clusters.map((c) => c.layout.name)));
      return report.summary.errors > 0 ? EXIT_FAILURE : EXIT_OK;
    }
  }
}

/**
 * The arguments as the files' headers show them: without --force, and with the folders relative to
 * the working directory (the fleet repository), never as absolute paths of the importer's machine.
 */
function portableArgs(argv: readonly string[], cwd: string): string[] {
  const relative = (folder: string) => path.relative(cwd, path.resolve(cwd, folder)) || '.';
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const inline = /^--(values-dir|out)=(.*)$/s.exec(arg);
    if (arg === '--force' || arg.startsWith('--max-input-size')) {
      if (arg === '--max-input-size') i++;
    } else if (inline) args.push(`--${inline[1]}=${relative(inline[2]!)}`);
    else if ((arg === '--values-dir' || arg === '--out') && i + 1 < argv.length) args.push(arg, relative(argv[++i]!));
    else args.push(arg);
  }
  return args;
}

function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_./,=:@%+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
