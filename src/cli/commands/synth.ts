import * as path from 'node:path';
import { parseCommandArgs, oneOf } from '../args';
import type { CliIo } from '../io';
import { EXIT_FAILURE, EXIT_OK } from '../io';
import { recordFleet } from '../../pipeline';
import { summarise } from '../../core/findings';
import { formatFindings } from '../../report/findings';
import { orphanClusterDirs, removeOrphans, staleFiles, writeClusters, type ClusterOutput } from '../../write/files';

const help = `usage: calico-gen synth [--cluster NAME]... [--out DIR] [--check] [--format text|json|github]

Validates the cluster definitions in clusters/ and writes generated/<cluster>/calico-values.yaml
and manifests.yaml. Nothing is written when any cluster has an error finding.
  --cluster NAME   only this cluster (repeatable)
  --out DIR        write here instead of generated/
  --check          write nothing; exit 1 with a diff when generated/ differs from a fresh synthesis
  --strict         warnings fail too
  --no-cache       synthesise every cluster again, ignoring results cached for unchanged inputs
`;

export async function synth(argv: string[], io: CliIo): Promise<number> {
  const { values: args } = parseCommandArgs('synth', argv, {
    cluster: { type: 'string', multiple: true },
    out: { type: 'string', default: 'generated' },
    check: { type: 'boolean' },
    strict: { type: 'boolean' },
    format: { type: 'string' },
    'no-cache': { type: 'boolean' },
  });
  if (args.help) {
    io.stdout.write(help);
    return EXIT_OK;
  }
  const format = oneOf('format', args.format, ['text', 'json', 'github'] as const, 'text');
  const only = args.cluster ?? [];
  const outDir = path.resolve(io.cwd, args.out!);
  const fleet = await recordFleet({ clustersDir: path.resolve(io.cwd, args['clusters-dir']!), only, cache: !args['no-cache'], outDir });
  const report = summarise(fleet.findings);
  const failed = report.summary.errors > 0 || (args.strict && report.summary.warnings > 0);
  if (report.findings.length > 0 || failed) io.stderr.write(formatFindings(report, format));
  if (failed) {
    io.stderr.write(`calico-gen: synth: nothing written: fix the errors above\n`);
    return EXIT_FAILURE;
  }
  const outputs: ClusterOutput[] = fleet.records.map((record) => ({
    cluster: record.cluster,
    fileHashes: record.fileHashes!,
    alreadyWritten: record.alreadyWritten === true,
    content: () => fleet.files(record),
  }));
  // a cluster folder without a definition is only ours to judge when the whole fleet was synthesised
  const orphans = only.length === 0 ? orphanClusterDirs(outDir, outputs.map((output) => output.cluster)) : [];
  if (args.check) {
    const stale = staleFiles(outDir, outputs, orphans);
    for (const file of stale) io.stdout.write(file.diff);
    if (stale.length > 0) {
      io.stderr.write(`calico-gen: synth --check: ${stale.length} generated file(s) out of date: run \`calico-gen synth\`\n`);
      return EXIT_FAILURE;
    }
    io.stdout.write(`generated files are up to date (${outputs.length} cluster(s))\n`);
    return EXIT_OK;
  }
  const written = writeClusters(outDir, outputs);
  removeOrphans(orphans);
  io.stdout.write(
    `synthesised ${outputs.length} cluster(s) (${fleet.cached} unchanged since the last run): ${written.length} file(s) written, ${orphans.length} removed\n`,
  );
  return EXIT_OK;
}
