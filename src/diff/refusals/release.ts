/**
 * Findings about the release as a whole and about what the live source held: a release Helm will
 * not touch (pending), one that failed, an install, and what could not be compared.
 */
import type { Check, Finding } from '../../core/findings';
import { type LiveState } from '../../live/types';
import { pluralOf } from '../../core/kube';

export const helmReleasePending: Check = {
  id: 'helm-release-pending',
  severity: 'error',
  description: 'The newest release revision is pending-*: Helm refuses another operation until it is resolved',
};
export const helmReleaseFailed: Check = { id: 'helm-release-failed', severity: 'warning', description: 'The newest release revision failed' };
export const helmReleaseMissing: Check = { id: 'helm-release-missing', severity: 'info', description: 'No release yet: helmfile apply will install it' };
export const liveValuesNotRead: Check = { id: 'live-values-not-read', severity: 'info', description: 'The deployed release values were not read, so they are not compared' };
export const liveKindNotRead: Check = { id: 'live-kind-not-read', severity: 'info', description: 'The live state (a dump) holds no object of a desired kind, so that kind is not compared' };

/** What the diff says about the release and the live source, besides the refusals. */
export const releaseChecks: readonly Check[] = [helmReleasePending, helmReleaseFailed, helmReleaseMissing, liveValuesNotRead, liveKindNotRead];

export function releaseFindings(cluster: string, release: { name: string; namespace: string }, live: LiveState): Finding[] {
  const object = `release/${release.name}`;
  const finding = (check: Check, message: string): Finding => ({ rule: check.id, severity: check.severity, cluster, object, path: '', message });
  const findings: Finding[] = [];
  const deployed = live.release;
  if (deployed === null) {
    findings.push(finding(helmReleaseMissing, `no Helm release ${release.name} in namespace ${release.namespace}: helmfile apply will install it`));
  } else if (deployed && deployed.status.startsWith('pending-')) {
    findings.push(finding(helmReleasePending,
      `revision ${deployed.revision} of release ${release.name} is ${deployed.status}: a Helm operation is running or was interrupted, and helmfile apply will stop with "another operation (install/upgrade/rollback) is in progress". Wait for it to finish, or roll back to the last deployed revision (helm rollback ${release.name} -n ${release.namespace})`));
  } else if (deployed && deployed.status === 'failed') {
    findings.push(finding(helmReleaseFailed,
      `revision ${deployed.revision} of release ${release.name} failed: the live objects may be half updated, and the values diff is against that failed revision`));
  }
  if (live.values === undefined) {
    findings.push(finding(liveValuesNotRead, `the deployed release values were not read, so they are not compared: pass --live-values (helm get values ${release.name} -n ${release.namespace} -o yaml) or include the release Secret in the dump`));
  }
  return findings;
}

export function notReadFinding(cluster: string, kind: string, count: number): Finding {
  const [group, name] = kind.split('/') as [string, string];
  const resource = `${pluralOf(name)}${group ? `.${group}` : ''}`;
  return {
    rule: liveKindNotRead.id,
    severity: liveKindNotRead.severity,
    cluster,
    object: `${name}/*`,
    path: '',
    message: `the live state holds no ${name} at all, so ${count} desired ${name} object(s) are not compared: add ${resource} to the kubectl get command that made the dump`,
  };
}
