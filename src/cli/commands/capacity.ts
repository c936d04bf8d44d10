import * as path from 'node:path';
import { evaluationHelp, evaluationOf, evaluationOptions, oneOf } from '../args';
import type { CliIo } from '../io';
import { EXIT_FAILURE, EXIT_OK } from '../io';
import { capacity as capacityOf } from '../../api/capacity';
import { formatFindings } from '../../report/findings';
import { formatCapacity } from '../../report/capacity';
import { parseInputs } from '../input-selection';

const help = `usage: calico-gen capacity [--cluster NAME]... [--format text|json]
       calico-gen capacity [--values FILE]... [--manifests FILE]...
                           [--cluster NAME [--values FILE]... [--manifests FILE]... [--expected-nodes N] [--max-pods N]]...

IPAM capacity per cluster and IP pool. A pool of prefix p and block size b holds 2^(b-p) blocks
of 2^(bits-b) addresses; under strict affinity each node needs ceil(maxPods / addressesPerBlock)
blocks of its own, so the pool holds at most floor(blocks / blocksPerNode) nodes (without strict
affinity nodes borrow, and only addresses count: floor(addresses / maxPods)). utilisation is
expectedNodes / maxNodes. maxPods is the cluster's capacity.maxPodsPerNode (--max-pods), 110 by
default.

Inputs are chosen as for \`calico-gen validate\` (see its --help).
  --format FORMAT   text (default) or json:
                    {"clusters":[{"cluster","pools":[{"name","cidr","blockSize","blocks",
                    "addressesPerBlock","blocksPerNode","maxNodes","expectedNodes"}]}]}
                    (counts are exact integers, above 2^53 for IPv6; expectedNodes is null when unknown)
${evaluationHelp}

Exit status: 0, or 1 when an input cannot be read (the reasons go to stderr).
`;

export async function capacity(argv: string[], io: CliIo): Promise<number> {
  const selection = parseInputs('capacity', argv, { format: { type: 'string' }, ...evaluationOptions });
  if (selection.options.help) {
    io.stdout.write(help);
    return EXIT_OK;
  }
  const format = oneOf('format', selection.options.format as string | undefined, ['text', 'json'] as const, 'text');
  const result = await capacityOf(
    selection.handWritten
      ? { handWritten: selection.handWritten, cwd: io.cwd }
      : { clustersDir: path.resolve(io.cwd, selection.options['clusters-dir'] as string), clusters: selection.definitions ?? [], ...evaluationOf(selection.options, io) },
  );
  if (result.unreadable.summary.errors > 0) {
    io.stderr.write(formatFindings(result.unreadable, 'text'));
    io.stderr.write('calico-gen: capacity: fix the errors above first\n');
    return EXIT_FAILURE;
  }
  io.stdout.write(formatCapacity(result.clusters, format));
  return EXIT_OK;
}
