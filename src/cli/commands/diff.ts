import { evaluationFlags, evaluationOf, formatFlag, kubeContext, kubeFlags, maxInputSize, maxInputSizeFlag, oneOf, parseCommandArgs, parseDuration, positiveInteger, type Flags } from '../args';
import { formatHelp } from '../help';
import type { CliIo } from '../io';
import { EXIT_CHANGES, EXIT_FAILURE, EXIT_OK } from '../io';
import { projectOf } from '../project';
import { clusterRunProgress, progressOn } from '../progress';
import type { ClusterOutcome, DiffOutcome } from '../../api/diff';
import { formatFindings } from '../../report/findings';
import { wantsColour } from '../../report/colour';
import { UserError, oneLineError } from '../../util/errors';

export const flags = {
  cluster: { type: 'string', multiple: true, value: 'NAME', help: 'the cluster to diff (repeatable)' },
  all: { type: 'boolean', help: 'every cluster, concurrently' },
  ...kubeFlags,
  'live-file': { type: 'string', value: 'FILE', path: true, help: 'live objects from a dump instead of the API: what\n`kubectl get <kinds> -o yaml` prints (one cluster only)' },
  'live-values': { type: 'string', value: 'FILE', path: true, help: 'deployed values from `helm get values <release> -o yaml` instead of\nthe release Secret (one cluster only)' },
  'detailed-exitcode': { type: 'boolean', help: 'exit 2 when there are changes (0 none, 1 error)' },
  format: formatFlag(['text', 'json', 'markdown']),
  'show-secrets': { type: 'boolean', help: 'show release values that look sensitive (passwords, tokens, keys, credentials in URLs) instead of <redacted> (Secret data never shows)' },
  concurrency: { type: 'string', value: 'N', help: 'clusters diffed at once with --all (default 4)' },
  'max-input-size': maxInputSizeFlag('a dump, values or kubeconfig file'),
  ...evaluationFlags,
} as const satisfies Flags;

const help = formatHelp({
  usage: 'calico-gen diff (--cluster NAME | --all) [options]',
  about: `Shows what \`helmfile apply\` would change in each cluster: the synthesised objects and release
values against the live cluster (Kubernetes API through the kubeconfig), or against saved dumps.
Server-filled defaults and bookkeeping are not changes. Changes the cluster will refuse (an
IPPool's cidr or blockSize changed in place, an object Helm cannot adopt, ...) are errors; risky
ones (a pool removed while enabled, the cluster's AS changed) are warnings.`,
  flags,
  exit: ['0  no change the cluster will refuse (with --detailed-exitcode: and no changes)', '1  a change the cluster will refuse, a cluster that cannot be read, or a failure', '2  changes, with --detailed-exitcode'],
});

export async function diff(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseDiffArgs(argv, io);
  if (parsed === 'help') {
    io.stdout.write(help);
    return EXIT_OK;
  }
  const { names, single, format, detailedExitcode, debug } = parsed;
  // the live readers, the comparison and their YAML and diff libraries load only for a diff, not for --help or a refused flag
  const { blockedOutcomes, diff: diffFleet, hasChanges } = require('../../api/diff') as typeof import('../../api/diff');
  const { formatDiffs } = require('../../report/diff') as typeof import('../../report/diff');
  const progress = progressOn(io.stderr, io.env);
  const run = await diffFleet({ ...parsed.options, clusters: names, env: io.env, cwd: io.cwd, onProgress: clusterRunProgress(progress, io.cwd, 'reading the live state') }).finally(() => progress.done());
  if (run.definitions.findings.length > 0) io.stderr.write(formatFindings(run.definitions, 'text'));
  // a cluster whose definition has errors is not diffed; with several clusters the others still are
  if (run.blocked || (single && run.definitions.summary.errors > 0)) {
    if (format !== 'text') io.stdout.write(formatDiffs(blockedOutcomes(run.definitions, names), { format, colour: false, single }));
    io.stderr.write('calico-gen: diff: the cluster definitions have errors: fix them first\n');
    return EXIT_FAILURE;
  }
  const outcomes = run.outcomes.map((outcome) => shown(outcome, single, debug, io));
  // a cluster that could not be diffed is told once, on stderr; JSON and markdown carry it for their readers too
  const reported = format === 'text' ? outcomes.filter((outcome) => 'diff' in outcome) : outcomes;
  io.stdout.write(formatDiffs(reported, { format, colour: wantsColour(io.stdout, io.env), single }));
  for (const outcome of outcomes) if ('error' in outcome) io.stderr.write(`calico-gen: diff ${outcome.cluster}: ${outcome.error}\n`);
  return exitStatus(outcomes, detailedExitcode && outcomes.some((outcome) => 'diff' in outcome && hasChanges(outcome.diff)));
}

/** What is printed of an outcome; one cluster's failure is the command's (one line, exit 1). */
function shown(outcome: DiffOutcome, single: boolean, debug: boolean, io: CliIo): ClusterOutcome {
  if ('diff' in outcome) {
    for (const warning of outcome.warnings) io.stderr.write(`calico-gen: warning: ${warning}\n`);
    return { cluster: outcome.cluster, diff: outcome.diff };
  }
  if (!('cause' in outcome)) return outcome;
  if (single) throw outcome.cause;
  if (debug) io.stderr.write(`${(outcome.cause as Error)?.stack ?? String(outcome.cause)}\n`);
  return { cluster: outcome.cluster, error: oneLineError(outcome.cause, debug) };
}

function parseDiffArgs(argv: string[], io: CliIo) {
  const { values: args } = parseCommandArgs('diff', argv, flags);
  if (args.help) return 'help' as const;
  const names = args.cluster ?? [];
  if (names.length === 0 && !args.all) throw new UserError('diff: name a cluster with --cluster NAME, or pass --all');
  if (names.length > 0 && args.all) throw new UserError('diff: --cluster and --all exclude each other');
  const single = names.length === 1;
  const context = kubeContext('diff', args['kube-context'], args.context, io.stderr);
  for (const [flag, value] of [['kube-context', context], ['live-file', args['live-file']], ['live-values', args['live-values']]] as const) {
    if (value !== undefined && !single) throw new UserError(`diff: --${flag} applies to one cluster: pass exactly one --cluster`);
  }
  const options = {
    clustersDir: projectOf(io.cwd, io.projectRoot, args['clusters-dir']).clustersDir,
    live: { kubeconfig: args.kubeconfig, context, liveFile: args['live-file'], liveValues: args['live-values'], timeoutMs: parseDuration('timeout', args.timeout ?? '10s'), maxInputBytes: maxInputSize(args['max-input-size']) },
    showSecrets: args['show-secrets'] ?? false,
    concurrency: positiveInteger('concurrency', args.concurrency ?? '4'),
    ...evaluationOf(args, io),
  };
  return {
    names,
    single,
    options,
    format: oneOf('format', args.format, ['text', 'json', 'markdown'] as const, 'text'),
    detailedExitcode: args['detailed-exitcode'] ?? false,
    debug: args.debug ?? false,
  };
}

/** 1 when a cluster failed or a change will be refused; 2 for changes to tell (--detailed-exitcode); else 0. */
function exitStatus(outcomes: readonly ClusterOutcome[], changesToTell: boolean): number {
  const diffs = outcomes.flatMap((o) => ('diff' in o ? [o.diff] : []));
  if (diffs.length < outcomes.length || diffs.some((d) => d.findings.some((f) => f.severity === 'error'))) return EXIT_FAILURE;
  return changesToTell ? EXIT_CHANGES : EXIT_OK;
}
