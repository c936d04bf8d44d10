import { evaluationFlags, evaluationOf, formatFlag, oneOf, type Flags } from '../args';
import { formatHelp } from '../help';
import type { CliIo } from '../io';
import { EXIT_FAILURE, EXIT_OK } from '../io';
import { projectOf } from '../project';
import { progressOn } from '../progress';
import { validate as validateInputs } from '../../api/validate';
import { formatFindings } from '../../report/findings';
import { wantsColour } from '../../report/colour';
import { inputOptions, parseInputs } from '../input-selection';

export const flags = {
  ...inputOptions,
  strict: { type: 'boolean', help: 'warnings fail too' },
  'no-cache': { type: 'boolean', help: 'check every definition again, ignoring results cached for unchanged inputs and transpiled definitions: no cache is read or written' },
  ...evaluationFlags,
  format: formatFlag(['text', 'json', 'github'], 'github: workflow annotations'),
} as const satisfies Flags;

const help = formatHelp({
  usage: `calico-gen validate [--cluster NAME]... [--strict] [-o text|json|github]
       calico-gen validate [--values FILE]... [--manifests FILE]...
                           [--cluster NAME [--values FILE]... [--manifests FILE]... [--expected-nodes N] [--max-pods N]]...`,
  about: `Checks the cluster definitions in clusters/ (all, or those named by --cluster): the chart values
and Calico objects they synthesise, Calico's own rules, cluster rules and fleet rules.

With --values or --manifests it checks hand-written inputs instead: values files are layered in
the order given, as helmfile layers them (maps merge key by key, later wins, ~ deletes), and
checked as one cluster's effective values; manifests are multi-document YAML of
crd.projectcalico.org/v1 objects. Files before the first --cluster belong to every cluster; each
--cluster NAME starts a cluster whose own files follow it, so one command checks several
clusters and the fleet rules across them. Without --cluster the cluster is named after the folder
of the last values file (helmfile's values/<cluster>/).`,
  flags,
  exit: ['0  no error findings', '1  error findings (or warnings with --strict), or a failure'],
});

export async function validate(argv: string[], io: CliIo): Promise<number> {
  const selection = parseInputs('validate', argv, flags);
  if (selection.options.help) {
    io.stdout.write(help);
    return EXIT_OK;
  }
  const format = oneOf('format', selection.options.format as string | undefined, ['text', 'json', 'github'] as const, 'text');
  const progress = progressOn(io.stderr, io.env);
  const report = await validateInputs(
    selection.handWritten
      ? { handWritten: selection.handWritten, cwd: io.cwd, maxInputBytes: selection.maxInputBytes }
      : {
          clustersDir: projectOf(io.cwd, io.projectRoot, selection.options['clusters-dir'] as string | undefined).clustersDir,
          clusters: selection.definitions ?? [],
          cache: selection.options['no-cache'] !== true,
          onProgress: (done, total) => progress.update(`validating: ${done} of ${total} clusters`),
          ...evaluationOf(selection.options, io),
        },
  ).finally(() => progress.done());
  io.stdout.write(formatFindings(report, format, { colour: wantsColour(io.stdout, io.env) }));
  const failed = report.summary.errors > 0 || (selection.options.strict === true && report.summary.warnings > 0);
  return failed ? EXIT_FAILURE : EXIT_OK;
}
