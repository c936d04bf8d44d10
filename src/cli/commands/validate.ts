import * as path from 'node:path';
import { evaluationHelp, evaluationOf, evaluationOptions, oneOf } from '../args';
import type { CliIo } from '../io';
import { EXIT_FAILURE, EXIT_OK } from '../io';
import { validate as validateInputs } from '../../api/validate';
import { formatFindings } from '../../report/findings';
import { parseInputs } from '../input-selection';

const help = `usage: calico-gen validate [--cluster NAME]... [--strict] [--format text|json|github]
       calico-gen validate [--values FILE]... [--manifests FILE]...
                           [--cluster NAME [--values FILE]... [--manifests FILE]... [--expected-nodes N] [--max-pods N]]...

Checks the cluster definitions in clusters/ (all, or those named by --cluster): the chart values
and Calico objects they synthesise, Calico's own rules, cluster rules and fleet rules.

With --values or --manifests it checks hand-written inputs instead: values files are layered in
the order given, as helmfile layers them (maps merge key by key, later wins, ~ deletes), and
checked as one cluster's effective values; manifests are multi-document YAML of
crd.projectcalico.org/v1 objects. Files before the first --cluster belong to every cluster; each
--cluster NAME starts a cluster whose own files follow it, so one command checks several
clusters and the fleet rules across them. Without --cluster the cluster is named after the folder
of the last values file (helmfile's values/<cluster>/).

  --cluster NAME        select a definition, or start a hand-written cluster (repeatable)
  --values FILE         a Helm values file (repeatable, lowest layer first)
  --manifests FILE      Calico objects, multi-document YAML (repeatable)
  --expected-nodes N    nodes the cluster will grow to: enables the pool-capacity check
  --max-pods N          kubelet maxPods of the cluster's nodes (default 110)
  --strict              warnings fail too
  --no-cache            check every definition again, ignoring results cached for unchanged inputs
                        and transpiled definitions: no cache is read or written
${evaluationHelp}
  --format FORMAT       text (default), json, or github (workflow annotations)

Exit status: 0 no error findings, 1 error findings (or warnings with --strict) or a failure.
`;

export async function validate(argv: string[], io: CliIo): Promise<number> {
  const selection = parseInputs('validate', argv, { strict: { type: 'boolean' }, format: { type: 'string' }, 'no-cache': { type: 'boolean' }, ...evaluationOptions });
  if (selection.options.help) {
    io.stdout.write(help);
    return EXIT_OK;
  }
  const format = oneOf('format', selection.options.format as string | undefined, ['text', 'json', 'github'] as const, 'text');
  const report = await validateInputs(
    selection.handWritten
      ? { handWritten: selection.handWritten, cwd: io.cwd }
      : { clustersDir: path.resolve(io.cwd, selection.options['clusters-dir'] as string), clusters: selection.definitions ?? [], cache: selection.options['no-cache'] !== true, ...evaluationOf(selection.options, io) },
  );
  io.stdout.write(formatFindings(report, format));
  const failed = report.summary.errors > 0 || (selection.options.strict === true && report.summary.warnings > 0);
  return failed ? EXIT_FAILURE : EXIT_OK;
}
