import * as fs from 'node:fs';
import * as path from 'node:path';
import { evaluationFlags, evaluationOf, formatFlag, oneOf, parseCommandArgs, type Flags } from '../args';
import { formatHelp } from '../help';
import type { CliIo } from '../io';
import { EXIT_FAILURE, EXIT_OK } from '../io';
import { projectOf } from '../project';
import { progressOn } from '../progress';
import { synth as synthFleet, type SynthResult } from '../../api/synth';
import { formatFindings } from '../../report/findings';
import { formatSynthJson, synthSummary } from '../../report/synth';
import { UserError } from '../../util/errors';

export const flags = {
  cluster: { type: 'string', multiple: true, value: 'NAME', help: 'only this cluster (repeatable); the fleet rules still see every cluster' },
  out: { type: 'string', value: 'DIR', path: true, help: 'write here instead of generated/ of the project (a folder)' },
  check: { type: 'boolean', help: 'write nothing; exit 1 with a diff when generated/ differs from a fresh synthesis' },
  strict: { type: 'boolean', help: 'warnings fail too: nothing is written' },
  'no-cache': { type: 'boolean', help: 'synthesise every cluster again, ignoring results cached for unchanged inputs and transpiled definitions: no cache is read or written' },
  ...evaluationFlags,
  format: formatFlag(['text', 'json', 'github'], 'text and github write findings to stderr; json writes one document to stdout'),
} as const satisfies Flags;

const help = formatHelp({
  usage: 'calico-gen synth [--cluster NAME]... [--out DIR] [--check] [--strict] [-o text|json|github]',
  about: `Validates the cluster definitions in clusters/ and writes generated/<cluster>/calico-values.yaml
and manifests.yaml. Nothing is written when any cluster has an error finding (or a warning, with
--strict). A folder of generated/ whose definition is gone is removed (on a run of every cluster).`,
  flags,
  exit: ['0  written (or, with --check, up to date)', '1  error findings (warnings too with --strict), stale files with --check, or a failure'],
});

export async function synth(argv: string[], io: CliIo): Promise<number> {
  const { values: args } = parseCommandArgs('synth', argv, flags);
  if (args.help) {
    io.stdout.write(help);
    return EXIT_OK;
  }
  const format = oneOf('format', args.format, ['text', 'json', 'github'] as const, 'text');
  const project = projectOf(io.cwd, io.projectRoot, args['clusters-dir']);
  const outDir = args.out === undefined ? path.join(project.root, 'generated') : path.resolve(io.cwd, args.out);
  checkOutputFolder(outDir, args.out);
  const progress = progressOn(io.stderr, io.env);
  const result = await synthFleet({
    clustersDir: project.clustersDir,
    clusters: args.cluster ?? [],
    outDir,
    projectDir: project.root,
    check: args.check,
    strict: args.strict,
    cache: !args['no-cache'],
    onProgress: (done, total) => progress.update(`synthesising: ${done} of ${total} clusters`),
    ...evaluationOf(args, io),
  }).finally(() => progress.done());
  if (format === 'json') {
    io.stdout.write(formatSynthJson(result));
    return exitStatus(result);
  }
  if (result.report.findings.length > 0 || result.failed) io.stderr.write(formatFindings(result.report, format));
  if (result.failed) {
    io.stderr.write(`calico-gen: synth: nothing written: ${failure(result)}\n`);
    return EXIT_FAILURE;
  }
  if (args.check) {
    for (const file of result.stale) io.stdout.write(file.diff);
    if (result.stale.length > 0) {
      io.stderr.write(`calico-gen: synth --check: ${plural(result.stale.length, 'generated file')} out of date: run \`calico-gen synth\`\n`);
      return EXIT_FAILURE;
    }
    io.stdout.write(`generated files are up to date (${plural(result.clusters, 'cluster')})\n`);
    return EXIT_OK;
  }
  io.stdout.write(`${synthSummary(result)}\n`);
  return EXIT_OK;
}

/** Why nothing was written: errors, or warnings that --strict turns into a failure. */
function failure(result: SynthResult): string {
  const { errors, warnings } = result.report.summary;
  if (errors > 0) return `${plural(errors, 'error')} above: fix ${errors === 1 ? 'it' : 'them'} first, or acknowledge ${errors === 1 ? 'it if it is' : 'those that are'} known and tracked (acknowledge: in a definition)`;
  return `--strict, and ${plural(warnings, 'warning')} above: fix ${warnings === 1 ? 'it' : 'them'}, or run without --strict`;
}

function exitStatus(result: SynthResult): number {
  return result.failed || result.stale.length > 0 ? EXIT_FAILURE : EXIT_OK;
}

/** --out names a folder: a file there (or on the way there) is one clear line, before any work. */
function checkOutputFolder(outDir: string, given: string | undefined): void {
  for (let dir = outDir; ; dir = path.dirname(dir)) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(dir);
    } catch {
      if (path.dirname(dir) === dir) return;
      continue;
    }
    if (stat.isDirectory()) return;
    const what = dir === outDir ? 'is a file' : `${path.relative(process.cwd(), dir) || dir} is a file`;
    if (given !== undefined) throw new UserError(`synth: --out ${given}: ${what}, but synth writes a folder (a folder per cluster in it): name a folder, or leave --out out for generated/`);
    const shown = path.relative(process.cwd(), outDir) || outDir;
    throw new UserError(`synth: ${shown}: ${what}, but synth writes a folder there (a folder per cluster in it): move the file away, or name another folder with --out`);
  }
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
