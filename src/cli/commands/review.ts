import { evaluationFlags, evaluationOf, formatFlag, oneOf, parseCommandArgs, type Flags } from '../args';
import { formatHelp } from '../help';
import type { CliIo } from '../io';
import { EXIT_CHANGES, EXIT_FAILURE, EXIT_OK } from '../io';
import { projectOf } from '../project';
import { UserError } from '../../util/errors';
import { wantsColour } from '../../report/colour';

export const flags = {
  base: { type: 'string', value: 'REV', help: 'the revision before the change (main, origin/main, HEAD~1, a commit); required' },
  head: { type: 'string', value: 'REV', help: 'the revision after it (default: the working tree, uncommitted edits included)' },
  cluster: { type: 'string', multiple: true, value: 'NAME', help: 'only this cluster (repeatable)' },
  format: formatFlag(['text', 'json', 'markdown'], 'markdown: a merge-request comment'),
  'detailed-exitcode': { type: 'boolean', help: 'exit 2 when some cluster changes, 0 when none' },
  'show-secrets': { type: 'boolean', help: 'show values that look sensitive (passwords, tokens, keys, credentials in URLs) instead of <redacted>' },
  'no-cache': { type: 'boolean', help: 'evaluate and check both revisions of every cluster again, ignoring results cached for unchanged inputs and transpiled definitions: no cache is read or written' },
  ...evaluationFlags,
} as const satisfies Flags;

const help = formatHelp({
  usage: 'calico-gen review --base REV [--head REV] [--cluster NAME]... [-o text|json|markdown] [--detailed-exitcode] [--no-cache]',
  about: `Synthesises the cluster definitions at two revisions of this git repository with the calico-gen
you are running, and shows, per cluster, what the change does: values keys changed, objects
created, updated or deleted (with unified diffs), and the findings it introduces or fixes: the
validation findings, and what \`diff\` would refuse or warn about that needs no live cluster (a
pool's cidr or blockSize changed in place, a pool removed while enabled, strictAffinity turned
off, the cluster's or a peer's AS changed), and the findings it acknowledges. Each revision is
read from a temporary copy (git archive); the working tree is never touched. Values that look
sensitive are <redacted> in the values diff unless --show-secrets.

The definitions of both revisions are code, and are run (in worker processes, under the limits
below): review a revision you would run. A cluster whose inputs are the same bytes in both
revisions is synthesised once, and a side the synthesis cache holds (synth and validate keep it) is
not checked again; review itself never writes a cache.`,
  flags,
  exit: [
    '0  the change introduces no error finding that counts (with --detailed-exitcode: and changes no cluster)',
    '1  the change introduces an error finding that no definition acknowledges, or a failure',
    '2  some cluster changes, with --detailed-exitcode',
  ],
});

export async function review(argv: string[], io: CliIo): Promise<number> {
  const { values: args } = parseCommandArgs('review', argv, flags);
  if (args.help) {
    io.stdout.write(help);
    return EXIT_OK;
  }
  const format = oneOf('format', args.format, ['text', 'json', 'markdown'] as const, 'text');
  if (!args.base) throw new UserError('review: --base REV is required: the revision to compare against (for a merge request, its target branch)');
  const project = projectOf(io.cwd, io.projectRoot, args['clusters-dir']);
  // the comparison and its YAML and diff libraries load only for a review, not for --help or a refused flag
  const { review: reviewChange } = require('../../api/review') as typeof import('../../api/review');
  const { formatReview } = require('../../report/review') as typeof import('../../report/review');
  const result = await reviewChange({ cwd: project.root, clustersDir: project.clustersDir, base: args.base, head: args.head, only: args.cluster ?? [], showSecrets: args['show-secrets'] ?? false, cache: args['no-cache'] !== true, limits: evaluationOf(args, io).limits });
  io.stdout.write(formatReview(result, format, { colour: wantsColour(io.stdout, io.env) }));
  const introducedErrors = result.clusters.flatMap((c) => c.findings.introduced).filter((f) => f.severity === 'error' && !f.acknowledged).length;
  if (introducedErrors > 0) {
    io.stderr.write(`calico-gen: review: the change introduces ${introducedErrors} error finding(s)\n`);
    return EXIT_FAILURE;
  }
  return args['detailed-exitcode'] && result.clusters.length > 0 ? EXIT_CHANGES : EXIT_OK;
}
