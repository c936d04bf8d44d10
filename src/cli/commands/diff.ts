import { evaluationHelp, evaluationOf, evaluationOptions, oneOf, parseCommandArgs, parseDuration } from '../args';
import type { CliIo } from '../io';
import { EXIT_CHANGES, EXIT_FAILURE, EXIT_OK } from '../io';
import { diff as diffFleet, type DiffOutcome } from '../../api/diff';
import { hasChanges, type ClusterOutcome } from '../../diff/types';
import { formatFindings } from '../../report/findings';
import { formatDiffs, wantsColour } from '../../report/diff';
import { UserError, oneLineError } from '../../util/errors';

const help = `usage: calico-gen diff (--cluster NAME | --all) [options]

Shows what \`helmfile apply\` would change in each cluster: the synthesised objects and release
values against the live cluster (Kubernetes API through the kubeconfig), or against saved dumps.
Server-filled defaults and bookkeeping are not changes. Changes the cluster will refuse (an
IPPool's cidr or blockSize changed in place, an object Helm cannot adopt, ...) are errors.

  --cluster NAME        the cluster to diff (repeatable)
  --all                 every cluster, concurrently
  --context CTX         kubeconfig context (default: the definition's kubeContext; one cluster only)
  --kubeconfig FILE     this kubeconfig only (default: KUBECONFIG, else ~/.kube/config)
  --live-file FILE      live objects from a dump instead of the API: what
                        \`kubectl get <kinds> -o yaml\` prints (one cluster only)
  --live-values FILE    deployed values from \`helm get values <release> -o yaml\` instead of the
                        release Secret (one cluster only)
  --detailed-exitcode   exit 2 when there are changes (0 none, 1 error)
  --format FORMAT       text (default), json or markdown
  --show-secrets        show release values under sensitive keys (Secret data never shows)
  --concurrency N       clusters diffed at once with --all (default 4)
  --timeout DURATION    deadline of each API request: 10s (default), 500ms, 1m
  --clusters-dir DIR    cluster definitions (default clusters/)
${evaluationHelp}
  --debug               stack traces on failure
`;

export async function diff(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseDiffArgs(argv, io);
  if (parsed === 'help') {
    io.stdout.write(help);
    return EXIT_OK;
  }
  const { names, single, format, detailedExitcode, debug } = parsed;
  const run = await diffFleet({ ...parsed.options, clusters: names, env: io.env, cwd: io.cwd });
  if (run.definitions.findings.length > 0) io.stderr.write(formatFindings(run.definitions, 'text'));
  // a cluster whose definition has errors is not diffed; with several clusters the others still are
  if (run.blocked || (single && run.definitions.summary.errors > 0)) {
    io.stderr.write('calico-gen: diff: the cluster definitions have errors: fix them first\n');
    return EXIT_FAILURE;
  }
  const outcomes = run.outcomes.map((outcome) => shown(outcome, single, debug, io));
  io.stdout.write(formatDiffs(outcomes, { format, colour: wantsColour(io.stdout, io.env), single }));
  for (const outcome of outcomes) if ('error' in outcome) io.stderr.write(`calico-gen: diff ${outcome.cluster}: ${outcome.error}\n`);
  return exitStatus(outcomes, detailedExitcode);
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
  const { values: args } = parseCommandArgs('diff', argv, {
    cluster: { type: 'string', multiple: true },
    all: { type: 'boolean' },
    context: { type: 'string' },
    kubeconfig: { type: 'string' },
    'live-file': { type: 'string' },
    'live-values': { type: 'string' },
    'detailed-exitcode': { type: 'boolean' },
    format: { type: 'string' },
    'show-secrets': { type: 'boolean' },
    concurrency: { type: 'string' },
    timeout: { type: 'string' },
    ...evaluationOptions,
  });
  if (args.help) return 'help' as const;
  const names = args.cluster ?? [];
  if (names.length === 0 && !args.all) throw new UserError('diff: name a cluster with --cluster NAME, or pass --all');
  if (names.length > 0 && args.all) throw new UserError('diff: --cluster and --all exclude each other');
  const single = names.length === 1;
  for (const flag of ['context', 'live-file', 'live-values'] as const) {
    if (args[flag] !== undefined && !single) throw new UserError(`diff: --${flag} applies to one cluster: pass exactly one --cluster`);
  }
  const options = {
    clustersDir: args['clusters-dir']!,
    live: { kubeconfig: args.kubeconfig, context: args.context, liveFile: args['live-file'], liveValues: args['live-values'], timeoutMs: parseDuration('timeout', args.timeout ?? '10s') },
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

/** 1 when a cluster failed or a change will be refused; 2 for changes with --detailed-exitcode; else 0. */
function exitStatus(outcomes: readonly ClusterOutcome[], detailedExitcode: boolean): number {
  const diffs = outcomes.flatMap((o) => ('diff' in o ? [o.diff] : []));
  if (diffs.length < outcomes.length || diffs.some((d) => d.findings.some((f) => f.severity === 'error'))) return EXIT_FAILURE;
  return detailedExitcode && diffs.some(hasChanges) ? EXIT_CHANGES : EXIT_OK;
}

function positiveInteger(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new UserError(`--${flag} ${JSON.stringify(text)} is not a positive whole number`);
  return value;
}
