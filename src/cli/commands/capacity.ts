import { evaluationFlags, evaluationOf, formatFlag, oneOf, type Flags } from '../args';
import { formatHelp } from '../help';
import type { CliIo } from '../io';
import { EXIT_FAILURE, EXIT_OK } from '../io';
import { projectOf } from '../project';
import { capacity as capacityOf } from '../../api/capacity';
import { formatFindings } from '../../report/findings';
import { formatCapacity, overCapacity } from '../../report/capacity';
import { wantsColour } from '../../report/colour';
import { inputOptions, parseInputs } from '../input-selection';

// kept apart from the inputs, so that a flag of its own (capacity --live) is one more entry here
export const flags = {
  ...inputOptions,
  format: formatFlag(['text', 'json'], 'json: the shape below'),
  ...evaluationFlags,
} as const satisfies Flags;

const help = formatHelp({
  usage: `calico-gen capacity [--cluster NAME]... [-o text|json]
       calico-gen capacity [--values FILE]... [--manifests FILE]...
                           [--cluster NAME [--values FILE]... [--manifests FILE]... [--expected-nodes N] [--max-pods N]]...`,
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

Inputs are chosen as for \`calico-gen validate\` (see its --help).`,
  flags,
  exit: ['0  every family holds its expected nodes (at 100 % or less)', '1  a family of pools over 100 % of its expected nodes (one line each on stderr), or an input that cannot be read'],
});

export async function capacity(argv: string[], io: CliIo): Promise<number> {
  const selection = parseInputs('capacity', argv, flags);
  if (selection.options.help) {
    io.stdout.write(help);
    return EXIT_OK;
  }
  const format = oneOf('format', selection.options.format as string | undefined, ['text', 'json'] as const, 'text');
  const result = await capacityOf(
    selection.handWritten
      ? { handWritten: selection.handWritten, cwd: io.cwd, maxInputBytes: selection.maxInputBytes }
      : { clustersDir: projectOf(io.cwd, io.projectRoot, selection.options['clusters-dir'] as string | undefined).clustersDir, clusters: selection.definitions ?? [], ...evaluationOf(selection.options, io) },
  );
  if (result.unreadable.summary.errors > 0) {
    io[format === 'json' ? 'stdout' : 'stderr'].write(formatFindings(result.unreadable, format));
    io.stderr.write(`calico-gen: capacity: inputs that cannot be read (${format === 'json' ? 'the findings on stdout' : 'above'}): fix them first\n`);
    return EXIT_FAILURE;
  }
  io.stdout.write(formatCapacity(result.clusters, format, { colour: wantsColour(io.stdout, io.env) }));
  const over = overCapacity(result.clusters);
  for (const line of over) io.stderr.write(`calico-gen: capacity: ${line}\n`);
  return over.length > 0 ? EXIT_FAILURE : EXIT_OK;
}
