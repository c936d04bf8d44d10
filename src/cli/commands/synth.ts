import * as path from 'node:path';
import { evaluationHelp, evaluationOf, evaluationOptions, parseCommandArgs, oneOf } from '../args';
import type { CliIo } from '../io';
import { EXIT_FAILURE, EXIT_OK } from '../io';
import { synth as synthFleet } from '../../api/synth';
import { formatFindings } from '../../report/findings';

const help = `usage: calico-gen synth [--cluster NAME]... [--out DIR] [--check] [--format text|json|github]

Validates the cluster definitions in clusters/ and writes generated/<cluster>/calico-values.yaml
and manifests.yaml. Nothing is written when any cluster has an error finding.
  --cluster NAME   only this cluster (repeatable)
  --out DIR        write here instead of generated/
  --check          write nothing; exit 1 with a diff when generated/ differs from a fresh synthesis
  --strict         warnings fail too
  --no-cache       synthesise every cluster again, ignoring results cached for unchanged inputs
                   and transpiled definitions: no cache is read or written
${evaluationHelp}
`;

export async function synth(argv: string[], io: CliIo): Promise<number> {
  const { values: args } = parseCommandArgs('synth', argv, {
    cluster: { type: 'string', multiple: true },
    out: { type: 'string', default: 'generated' },
    check: { type: 'boolean' },
    strict: { type: 'boolean' },
    format: { type: 'string' },
    'no-cache': { type: 'boolean' },
    ...evaluationOptions,
  });
  if (args.help) {
    io.stdout.write(help);
    return EXIT_OK;
  }
  const format = oneOf('format', args.format, ['text', 'json', 'github'] as const, 'text');
  const result = await synthFleet({
    clustersDir: path.resolve(io.cwd, args['clusters-dir']!),
    clusters: args.cluster ?? [],
    outDir: path.resolve(io.cwd, args.out!),
    check: args.check,
    strict: args.strict,
    cache: !args['no-cache'],
    ...evaluationOf(args, io),
  });
  if (result.report.findings.length > 0 || result.failed) io.stderr.write(formatFindings(result.report, format));
  if (result.failed) {
    io.stderr.write(`calico-gen: synth: nothing written: fix the errors above\n`);
    return EXIT_FAILURE;
  }
  if (args.check) {
    for (const file of result.stale) io.stdout.write(file.diff);
    if (result.stale.length > 0) {
      io.stderr.write(`calico-gen: synth --check: ${result.stale.length} generated file(s) out of date: run \`calico-gen synth\`\n`);
      return EXIT_FAILURE;
    }
    io.stdout.write(`generated files are up to date (${result.clusters} cluster(s))\n`);
    return EXIT_OK;
  }
  io.stdout.write(
    `synthesised ${result.clusters} cluster(s) (${result.cached} unchanged since the last run): ${result.written.length} file(s) written, ${result.removed.length} removed\n`,
  );
  return EXIT_OK;
}
