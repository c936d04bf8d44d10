import * as path from 'node:path';
import { maxInputSize, parseCommandArgs } from '../args';
import type { CliIo } from '../io';
import { EXIT_FAILURE, EXIT_OK } from '../io';
import { UserError } from '../../util/errors';
import { importFleet } from '../../api/import';
import { formatProblem } from '../../import/errors';
import { parseGroupFlags } from '../../import/layout';
import { formatImportErrors, formatImportSummary } from '../../report/import';
import { formatFindings } from '../../report/findings';

const help = `usage: calico-gen import --values-dir DIR [--group GROUP=CLUSTER[,CLUSTER...]]... [--out DIR] [--force]

Turns a helmfile values tree (common.yaml, common-bgp.yaml, <group>.yaml, <cluster>/values.yaml,
<cluster>/calico-values.yaml) into cluster definitions: shared/routers.ts, shared/fleet.ts,
shared/groups/<group>.ts and one <cluster>.ts per folder with a calico-values.yaml.
Nothing is written unless every cluster's synthesised values equal its layered values. The
written definitions are then checked as validate checks them; errors the values already had are
printed with how to fix or acknowledge them, and the exit status is 1.
  --values-dir DIR   the values tree (helmfile.d/admin_ng/values)
  --group G=C1,C2    clusters C1, C2 layer G.yaml (repeatable); a cluster not named here goes to the
                     one group whose file name starts its name (ml-serve-eqiad → ml-serve.yaml)
  --out DIR          the clusters folder to write (default: clusters)
  --force            overwrite files that already exist (without it, nothing is read when any does)
  --max-input-size SIZE
                     refuse a values file larger than SIZE, before reading it
                     (default 256MiB; 1GiB, 300MB, or bytes)
`;

export async function importCommand(argv: string[], io: CliIo): Promise<number> {
  const { values: args } = parseCommandArgs('import', argv, {
    'values-dir': { type: 'string' },
    group: { type: 'string', multiple: true },
    out: { type: 'string', default: 'clusters' },
    force: { type: 'boolean' },
    'max-input-size': { type: 'string' },
  });
  if (args.help) {
    io.stdout.write(help);
    return EXIT_OK;
  }
  if (!args['values-dir']) throw new UserError('import: --values-dir DIR is required (the helmfile values tree to import)');
  const result = await importFleet({
    valuesDir: args['values-dir'],
    groups: parseGroupFlags(args.group ?? []),
    outDir: args.out!,
    force: args.force,
    command: ['calico-gen', 'import', ...portableArgs(argv, io.cwd).map(shellQuote)],
    cwd: io.cwd,
    maxInputBytes: maxInputSize(args['max-input-size']),
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
      io.stdout.write(formatImportSummary(result.fleet, result.files, args.out!));
      for (const warning of result.warnings) io.stderr.write(`calico-gen: warning: ${warning}\n`);
      if (result.uncheckable) {
        io.stderr.write(`calico-gen: import: written, but the definitions could not be checked: ${result.uncheckable}\n`);
        return EXIT_FAILURE;
      }
      const report = result.report;
      if (!report || report.findings.length === 0) return EXIT_OK;
      io.stderr.write(`\nChecked as \`calico-gen validate\` checks them:\n${formatFindings(report, 'text')}`);
      io.stderr.write(formatImportErrors(report, args.out!, result.fleet.clusters.map((c) => c.layout.name)));
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
