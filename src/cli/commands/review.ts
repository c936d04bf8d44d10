import { evaluationHelp, evaluationOf, evaluationOptions, parseCommandArgs, oneOf } from '../args';
import type { CliIo } from '../io';
import { EXIT_CHANGES, EXIT_FAILURE, EXIT_OK } from '../io';
import { UserError } from '../../util/errors';
import { review as reviewChange } from '../../api/review';
import { formatReview } from '../../report/review';

const help = `usage: calico-gen review --base REV [--head REV] [--cluster NAME]... [--format text|json|markdown] [--detailed-exitcode]

Synthesises the cluster definitions at two revisions of this git repository with the calico-gen
you are running, and shows, per cluster, what the change does: values keys changed, objects
created, updated or deleted (with unified diffs), validation findings introduced or fixed.
Each revision is read from a temporary copy (git archive); the working tree is never touched.
  --base REV            the revision before the change (main, origin/main, HEAD~1, a commit)
  --head REV            the revision after it (default: the working tree, uncommitted edits included)
  --cluster NAME        only this cluster (repeatable)
  --format F            text (default), json, or markdown for a merge-request comment
  --detailed-exitcode   exit 2 when some cluster changes, 0 when none
${evaluationHelp}
The definitions of both revisions are code, and are run: review a revision you would run.
Exits 1 when the change introduces an error finding.
`;

export async function review(argv: string[], io: CliIo): Promise<number> {
  const { values: args } = parseCommandArgs('review', argv, {
    base: { type: 'string' },
    head: { type: 'string' },
    cluster: { type: 'string', multiple: true },
    format: { type: 'string' },
    'detailed-exitcode': { type: 'boolean' },
    ...evaluationOptions,
  });
  if (args.help) {
    io.stdout.write(help);
    return EXIT_OK;
  }
  const format = oneOf('format', args.format, ['text', 'json', 'markdown'] as const, 'text');
  if (!args.base) throw new UserError('review: --base REV is required: the revision to compare against (for a merge request, its target branch)');
  const result = await reviewChange({ cwd: io.cwd, clustersDir: args['clusters-dir']!, base: args.base, head: args.head, only: args.cluster ?? [], limits: evaluationOf(args, io).limits });
  io.stdout.write(formatReview(result, format));
  const introducedErrors = result.clusters.flatMap((c) => c.findings.introduced).filter((f) => f.severity === 'error').length;
  if (introducedErrors > 0) {
    io.stderr.write(`calico-gen: review: the change introduces ${introducedErrors} error finding(s)\n`);
    return EXIT_FAILURE;
  }
  return args['detailed-exitcode'] && result.clusters.length > 0 ? EXIT_CHANGES : EXIT_OK;
}
