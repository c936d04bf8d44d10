import { parseCommandArgs } from '../args';
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
  const result = await importFleet({
    valuesDir: args['values-dir'],
    groups: parseGroupFlags(args.group ?? []),
    outDir: args.out!,
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
    default: {
      io.stdout.write(formatImportSummary(result.fleet, result.files, args.out!));
      if (result.uncheckable) {
        io.stderr.write(`calico-gen: import: written, but the definitions could not be checked: ${result.uncheckable}\n`);
        return EXIT_FAILURE;
      }
      const report = result.report!;
      if (report.findings.length === 0) return EXIT_OK;
      io.stderr.write(`\nChecked as \`calico-gen validate\` checks them:\n${formatFindings(report, 'text')}`);
      io.stderr.write(formatImportErrors(report, args.out!, result.fleet.clusters.map((c) => c.layout.name)));
      return report.summary.errors > 0 ? EXIT_FAILURE : EXIT_OK;
    }
  }
}

function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_./,=:@%+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
