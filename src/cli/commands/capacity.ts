import * as path from 'node:path';
import { oneOf, parseDuration, positiveInteger } from '../args';
import type { CliIo } from '../io';
import { EXIT_FAILURE, EXIT_OK } from '../io';
import { capacity as capacityOf } from '../../api/capacity';
import { formatFindings } from '../../report/findings';
import { formatCapacity } from '../../report/capacity';
import { UserError } from '../../util/errors';
import { writeAtomic } from '../../util/atomic-write';
import { parseInputs, type InputSelection } from '../input-selection';

const help = `usage: calico-gen capacity [--cluster NAME]... [--format text|json|markdown]
       calico-gen capacity [--values FILE]... [--manifests FILE]...
                           [--cluster NAME [--values FILE]... [--manifests FILE]... [--expected-nodes N] [--max-pods N]]...
       calico-gen capacity --live (--cluster NAME... | --all) [--format text|json|markdown|html] [--out FILE]
       calico-gen capacity --live-file FILE --cluster NAME [--format text|json|markdown|html] [--out FILE]

IPAM capacity per cluster and IP pool. A pool of prefix p and block size b holds 2^(b-p) blocks
of 2^(bits-b) addresses; under strict affinity each node needs ceil(maxPods / addressesPerBlock)
blocks of its own, so the pool holds at most floor(blocks / blocksPerNode) nodes (without strict
affinity nodes borrow, and only addresses count: floor(addresses / maxPods)). utilisation is
expectedNodes / maxNodes. maxPods is the cluster's capacity.maxPodsPerNode (--max-pods), 110 by
default.

Inputs are chosen as for \`calico-gen validate\` (see its --help).
  --format FORMAT       text (default), json or markdown (html with --live or --live-file):
                        {"clusters":[{"cluster","pools":[{"name","cidr","blockSize","blocks",
                        "addressesPerBlock","blocksPerNode","maxNodes","expectedNodes"}]}]}
                        (counts are exact integers, above 2^53 for IPv6; expectedNodes is null when unknown)

Live IPAM (cluster definitions only): beside the declared figures, what the cluster's IPAM blocks,
block affinities and nodes show per pool (blocks claimed and free, other-size blocks, addresses in
use, nodes with and without blocks, nodes that can still join, blocks of nodes that are gone,
borrowed addresses) and per cluster (nodes, orphaned and deleted blocks, pending affinities, the
running Calico version). A pool over 80 % of its block slots taken is a warning; one with no room
for another node, or for capacity.expectedNodes, an error.
  --live                read each cluster through the Kubernetes API (list only; see
                        deploy/calico-gen-reader-rbac.yaml)
  --live-file FILE      read one cluster from what \`kubectl get nodes,ippools,ipamblocks,
                        blockaffinities,ipamhandles,ipamconfigs -o yaml\` (or -o json) prints
  --all                 every cluster, --concurrency at a time
  --context CTX         kubeconfig context (default: the definition's kubeContext; one cluster only)
  --kubeconfig FILE     this kubeconfig only (default: KUBECONFIG, else ~/.kube/config)
  --timeout DURATION    deadline of each API request: 10s (default), 500ms, 1m
  --concurrency N       clusters read at once (default 4)
  --out FILE            write the report to FILE instead of standard output (required for html:
                        one self-contained page with a block map per pool)

Exit status: 0, or 1 when an input cannot be read, a cluster cannot be read, or the live state
shows an error (the reasons go to stderr, or into the report).
`;

const LIVE_OPTIONS = {
  format: { type: 'string' },
  live: { type: 'boolean' },
  'live-file': { type: 'string' },
  all: { type: 'boolean' },
  context: { type: 'string' },
  kubeconfig: { type: 'string' },
  timeout: { type: 'string' },
  concurrency: { type: 'string' },
  out: { type: 'string' },
} as const;

export async function capacity(argv: string[], io: CliIo): Promise<number> {
  const selection = parseInputs('capacity', argv, LIVE_OPTIONS);
  const { options } = selection;
  if (options.help) {
    io.stdout.write(help);
    return EXIT_OK;
  }
  if (options.live || options['live-file'] !== undefined) return liveCapacity(selection, io);
  for (const flag of ['all', 'context', 'kubeconfig', 'timeout', 'concurrency'] as const) {
    if (options[flag] !== undefined) throw new UserError(`capacity: --${flag} goes with --live`);
  }
  if (options.format === 'html') throw new UserError('capacity: --format html draws the live IPAM state: add --live or --live-file');
  const format = oneOf('format', options.format as string | undefined, ['text', 'json', 'markdown'] as const, 'text');
  const result = await capacityOf(
    selection.handWritten
      ? { handWritten: selection.handWritten, cwd: io.cwd }
      : { clustersDir: path.resolve(io.cwd, options['clusters-dir'] as string), clusters: selection.definitions ?? [] },
  );
  if (result.unreadable.summary.errors > 0) {
    io.stderr.write(formatFindings(result.unreadable, 'text'));
    io.stderr.write('calico-gen: capacity: fix the errors above first\n');
    return EXIT_FAILURE;
  }
  output(formatCapacity(result.clusters, format), options.out as string | undefined, io);
  return EXIT_OK;
}

async function liveCapacity(selection: InputSelection, io: CliIo): Promise<number> {
  const { options } = selection;
  const names = selection.definitions;
  if (!names) throw new UserError('capacity: --live and --live-file read cluster definitions: leave out --values and --manifests');
  if (options.live && options['live-file'] !== undefined) throw new UserError('capacity: --live and --live-file exclude each other');
  if (names.length === 0 && !options.all) throw new UserError('capacity: name a cluster with --cluster NAME, or pass --all');
  if (names.length > 0 && options.all) throw new UserError('capacity: --cluster and --all exclude each other');
  for (const flag of ['context', 'live-file'] as const) {
    if (options[flag] !== undefined && names.length !== 1) throw new UserError(`capacity: --${flag} applies to one cluster: pass exactly one --cluster`);
  }
  const format = oneOf('format', options.format as string | undefined, ['text', 'json', 'markdown', 'html'] as const, 'text');
  if (format === 'html' && options.out === undefined) throw new UserError('capacity: --format html writes a page: name its file with --out FILE');
  // the live path (and with it the API reader) loads only when asked for
  const { liveCapacity: readLive, liveFindingsOf } = require('../../api/capacity-live') as typeof import('../../api/capacity-live');
  const { formatLiveCapacity } = require('../../report/capacity-live') as typeof import('../../report/capacity-live');
  const run = await readLive({
    clustersDir: options['clusters-dir'] as string,
    clusters: names,
    liveFile: options['live-file'] as string | undefined,
    kubeconfig: options.kubeconfig as string | undefined,
    context: options.context as string | undefined,
    timeoutMs: parseDuration((options.timeout as string | undefined) ?? '10s'),
    concurrency: positiveInteger('concurrency', (options.concurrency as string | undefined) ?? '4'),
    env: io.env,
    cwd: io.cwd,
  });
  if (run.definitions.findings.length > 0) io.stderr.write(formatFindings(run.definitions, 'text'));
  if (run.blocked || (names.length === 1 && run.definitions.summary.errors > 0)) {
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
  output(formatLiveCapacity(run.outcomes, findings, format), options.out as string | undefined, io);
  return failed.length > 0 || findings.summary.errors > 0 ? EXIT_FAILURE : EXIT_OK;
}

function output(text: string, out: string | undefined, io: CliIo): void {
  if (out === undefined) io.stdout.write(text);
  else writeAtomic(path.resolve(io.cwd, out), text);
}
