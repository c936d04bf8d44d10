import * as path from 'node:path';
import { evaluationFlags, evaluationOf, formatFlag, kubeContext, kubeFlags, oneOf, parseDuration, positiveInteger, type Flags } from '../args';
import { formatHelp } from '../help';
import type { CliIo } from '../io';
import { EXIT_FAILURE, EXIT_OK } from '../io';
import { projectOf } from '../project';
import { clusterRunProgress, progressOn } from '../progress';
import { capacity as capacityOf } from '../../api/capacity';
import { formatFindings } from '../../report/findings';
import { formatCapacity, overCapacity } from '../../report/capacity';
import { wantsColour } from '../../report/colour';
import { UserError } from '../../util/errors';
import { commitFiles } from '../../util/file-transaction';
import { inputOptions, parseInputs, type InputSelection } from '../input-selection';

/** The flags that read the live IPAM state: refused without --live or --live-file. */
const liveFlags = {
  live: { type: 'boolean', help: 'read each cluster through the Kubernetes API (list only; see deploy/calico-gen-reader-rbac.yaml)' },
  'live-file': {
    type: 'string',
    value: 'FILE',
    path: true,
    help: 'read one cluster from what `kubectl get nodes,ippools,ipamblocks,\nblockaffinities,ipamhandles,ipamconfigs -o yaml` (or -o json) prints (bounded by --max-input-size)',
  },
  all: { type: 'boolean', help: 'every cluster, --concurrency at a time (with --live)' },
  ...kubeFlags,
  concurrency: { type: 'string', value: 'N', help: 'clusters read at once with --live (default 4)' },
} as const satisfies Flags;

export const flags = {
  ...inputOptions,
  format: formatFlag(['text', 'json', 'markdown', 'html'], 'json: the shape below; html (with --live or --live-file, and --out): one self-contained page with a block map per pool'),
  out: { type: 'string', value: 'FILE', path: true, help: 'write the report to FILE instead of standard output (required for html)' },
  ...liveFlags,
  ...evaluationFlags,
} as const satisfies Flags;

const help = formatHelp({
  usage: `calico-gen capacity [--cluster NAME]... [-o text|json|markdown]
       calico-gen capacity [--values FILE]... [--manifests FILE]...
                           [--cluster NAME [--values FILE]... [--manifests FILE]... [--expected-nodes N] [--max-pods N]]...
       calico-gen capacity --live (--cluster NAME... | --all) [-o text|json|markdown|html] [--out FILE]
       calico-gen capacity --live-file FILE --cluster NAME [-o text|json|markdown|html] [--out FILE]`,
  about: `IPAM capacity per cluster and IP pool. A pool of prefix p and block size b holds 2^(b-p) blocks
of 2^(bits-b) addresses; under strict affinity each node needs ceil(maxPods / addressesPerBlock)
blocks of its own, so the pool holds at most floor(blocks / blocksPerNode) nodes (without strict
affinity nodes borrow, and only addresses count: floor(addresses / maxPods)). maxPods is the
cluster's capacity.maxPodsPerNode (--max-pods), 110 by default.

A node draws addresses from every enabled pool of its family, so utilisation (expectedNodes over
what the family's enabled pools hold together) is judged per family, as the pool-capacity rule
judges it: on the pool's row when it is its family's only enabled pool, else on a total row.
Rows over 80 % are marked (a pool-capacity warning), rows over 100 % too (an error).

JSON: {"clusters":[{"cluster","pools":[{"name","cidr","blockSize","blocks","addressesPerBlock",
"blocksPerNode","maxNodes","expectedNodes"}],"families":[{"family","pools","maxNodes",
"expectedNodes","utilisation","status"}]}]}; counts are exact integers (above 2^53 for IPv6),
utilisation a percentage rounded down to a tenth, status ok, warning or error; expectedNodes,
utilisation and status are null when the expected node count is unknown.

Live IPAM (cluster definitions only): beside the declared figures, what the cluster's IPAM blocks,
block affinities and nodes show per pool (blocks claimed and free, other-size blocks, addresses in
use, nodes with and without blocks, nodes that can still join, blocks of nodes that are gone,
borrowed addresses) and per cluster (nodes, orphaned and deleted blocks, pending affinities, the
running Calico version). A pool over 80 % of its block slots taken is a warning; one with no room
for another node, or for capacity.expectedNodes, an error. In JSON each pool gains "inDefinition"
and "live", each cluster "source" and "live", and the document "findings" and "summary".

Inputs are chosen as for \`calico-gen validate\` (see its --help).`,
  flags,
  exit: [
    '0  every family holds its expected nodes (at 100 % or less), and the live state shows no error',
    '1  a family of pools over 100 % of its expected nodes (one line each on stderr), an error in the live state,',
    '   or an input or a cluster that cannot be read',
  ],
});

export async function capacity(argv: string[], io: CliIo): Promise<number> {
  const selection = parseInputs('capacity', argv, flags);
  const { options } = selection;
  if (options.help) {
    io.stdout.write(help);
    return EXIT_OK;
  }
  if (options.live || options['live-file'] !== undefined) return liveCapacity(selection, io);
  for (const flag of Object.keys(liveFlags)) {
    if (options[flag] !== undefined) throw new UserError(`capacity: --${flag} goes with --live`);
  }
  if (options.format === 'html') throw new UserError('capacity: --format html draws the live IPAM state: add --live or --live-file');
  const format = oneOf('format', options.format as string | undefined, ['text', 'json', 'markdown'] as const, 'text');
  const result = await capacityOf(
    selection.handWritten
      ? { handWritten: selection.handWritten, cwd: io.cwd, maxInputBytes: selection.maxInputBytes }
      : { clustersDir: projectOf(io.cwd, io.projectRoot, options['clusters-dir'] as string | undefined).clustersDir, clusters: selection.definitions ?? [], ...evaluationOf(options, io) },
  );
  if (result.unreadable.summary.errors > 0) {
    const onStdout = format === 'json' && options.out === undefined;
    io[onStdout ? 'stdout' : 'stderr'].write(formatFindings(result.unreadable, onStdout ? 'json' : 'text'));
    io.stderr.write(`calico-gen: capacity: inputs that cannot be read (${onStdout ? 'the findings on stdout' : 'above'}): fix them first\n`);
    return EXIT_FAILURE;
  }
  const out = options.out as string | undefined;
  output(formatCapacity(result.clusters, format, { colour: out === undefined && wantsColour(io.stdout, io.env) }), out, io);
  return overCapacityStatus(overCapacity(result.clusters), io);
}

/** One line per family over 100 % on stderr; exit 1 when there is one. */
function overCapacityStatus(over: readonly string[], io: CliIo): number {
  for (const line of over) io.stderr.write(`calico-gen: capacity: ${line}\n`);
  return over.length > 0 ? EXIT_FAILURE : EXIT_OK;
}

async function liveCapacity(selection: InputSelection, io: CliIo): Promise<number> {
  const { options } = selection;
  const names = selection.definitions;
  if (!names) throw new UserError('capacity: --live and --live-file read cluster definitions: leave out --values and --manifests');
  if (options.live && options['live-file'] !== undefined) throw new UserError('capacity: --live and --live-file exclude each other');
  if (names.length === 0 && !options.all) throw new UserError('capacity: name a cluster with --cluster NAME, or pass --all');
  if (names.length > 0 && options.all) throw new UserError('capacity: --cluster and --all exclude each other');
  const context = kubeContext('capacity', options['kube-context'] as string | undefined, options.context as string | undefined, io.stderr);
  for (const [flag, value] of [['kube-context', context], ['live-file', options['live-file']]] as const) {
    if (value !== undefined && names.length !== 1) throw new UserError(`capacity: --${flag} applies to one cluster: pass exactly one --cluster`);
  }
  const format = oneOf('format', options.format as string | undefined, ['text', 'json', 'markdown', 'html'] as const, 'text');
  const out = options.out as string | undefined;
  if (format === 'html' && out === undefined) throw new UserError('capacity: --format html writes a page: name its file with --out FILE');
  // the live path (and with it the API reader) loads only when asked for
  const { liveCapacity: readLive, liveFindingsOf, blockedOutcomes } = require('../../api/capacity-live') as typeof import('../../api/capacity-live');
  const { formatLiveCapacity } = require('../../report/capacity-live') as typeof import('../../report/capacity-live');
  const progress = progressOn(io.stderr, io.env);
  const run = await readLive({
    clustersDir: projectOf(io.cwd, io.projectRoot, options['clusters-dir'] as string | undefined).clustersDir,
    clusters: names,
    liveFile: options['live-file'] as string | undefined,
    kubeconfig: options.kubeconfig as string | undefined,
    context,
    timeoutMs: parseDuration('timeout', (options.timeout as string | undefined) ?? '10s'),
    concurrency: positiveInteger('concurrency', (options.concurrency as string | undefined) ?? '4'),
    maxInputBytes: selection.maxInputBytes,
    ...evaluationOf(options, io),
    env: io.env,
    cwd: io.cwd,
    onProgress: clusterRunProgress(progress, io.cwd, 'reading the live IPAM state'),
  }).finally(() => progress.done());
  if (run.definitions.findings.length > 0) io.stderr.write(formatFindings(run.definitions, 'text'));
  if (run.blocked || (names.length === 1 && run.definitions.summary.errors > 0)) {
    // --format json is JSON on failure too: each cluster the definition errors stop
    if (format === 'json' && out === undefined) io.stdout.write(formatLiveCapacity(blockedOutcomes(run.definitions, names), run.definitions, 'json'));
    io.stderr.write('calico-gen: capacity: the cluster definitions have errors: fix them first\n');
    return EXIT_FAILURE;
  }
  // one cluster asked for by name: its failure is the command's (one line)
  const failed = run.outcomes.filter((outcome) => 'error' in outcome);
  if (names.length === 1 && failed.length === 1 && 'cause' in failed[0]! && failed[0].cause !== undefined) throw failed[0].cause;
  const findings = liveFindingsOf(run.outcomes);
  for (const outcome of run.outcomes) {
    if ('error' in outcome) io.stderr.write(`calico-gen: capacity ${outcome.cluster}: ${outcome.error}\n`);
    else for (const warning of outcome.warnings) io.stderr.write(`calico-gen: warning: ${warning}\n`);
  }
  output(formatLiveCapacity(run.outcomes, findings, format, { colour: out === undefined && wantsColour(io.stdout, io.env) }), out, io);
  const declared = run.outcomes.flatMap((outcome) => ('capacity' in outcome ? [outcome.capacity] : []));
  const overStatus = overCapacityStatus(overCapacity(declared), io);
  return failed.length > 0 || findings.summary.errors > 0 ? EXIT_FAILURE : overStatus;
}

function output(text: string, out: string | undefined, io: CliIo): void {
  if (out === undefined) io.stdout.write(text);
  else commitFiles([{ file: path.resolve(io.cwd, out), content: text }], [], { display: () => out });
}
