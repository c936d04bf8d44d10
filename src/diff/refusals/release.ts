/**
 * Findings about the release as a whole and about what the live source held: a release Helm will
 * not touch (pending), one that failed, an install, and what could not be compared.
 */
import type { Finding } from '../../core/findings';
import { type LiveState } from '../../live/types';
import { pluralOf } from '../../core/kube';

export function releaseFindings(cluster: string, release: { name: string; namespace: string }, live: LiveState): Finding[] {
  const object = `release/${release.name}`;
  const finding = (rule: string, severity: Finding['severity'], message: string): Finding => ({ rule, severity, cluster, object, path: '', message });
  const findings: Finding[] = [];
  const deployed = live.release;
  if (deployed === null) {
    findings.push(finding('helm-release-missing', 'info', `no Helm release ${release.name} in namespace ${release.namespace}: helmfile apply will install it`));
  } else if (deployed && deployed.status.startsWith('pending-')) {
    findings.push(finding('helm-release-pending', 'error',
      `revision ${deployed.revision} of release ${release.name} is ${deployed.status}: a Helm operation is running or was interrupted, and helmfile apply will stop with "another operation (install/upgrade/rollback) is in progress". Wait for it to finish, or roll back to the last deployed revision (helm rollback ${release.name} -n ${release.namespace})`));
  } else if (deployed && deployed.status === 'failed') {
    findings.push(finding('helm-release-failed', 'warning',
      `revision ${deployed.revision} of release ${release.name} failed: the live objects may be half updated, and the values diff is against that failed revision`));
  }
  if (live.values === undefined) {
    findings.push(finding('live-values-not-read', 'info', `the deployed release values were not read, so they are not compared: pass --live-values (helm get values ${release.name} -n ${release.namespace} -o yaml) or include the release Secret in the dump`));
  }
  return findings;
}

export function notReadFinding(cluster: string, kind: string, count: number): Finding {
  const [group, name] = kind.split('/') as [string, string];
  const resource = `${pluralOf(name)}${group ? `.${group}` : ''}`;
  return {
    rule: 'live-kind-not-read',
    severity: 'info',
    cluster,
    object: `${name}/*`,
    path: '',
    message: `the live state holds no ${name} at all, so ${count} desired ${name} object(s) are not compared: add ${resource} to the kubectl get command that made the dump`,
  };
}
