/** What makes Helm itself stop: objects it may not adopt. */
import { groupOfApiVersion } from '../../core/kube';
import { hasOwnershipMetadata } from '../ownership';
import type { Refusal } from './refusal';

export const helmOwnershipConflict: Refusal = {
  id: 'helm-ownership-conflict',
  severity: 'error',
  basis: 'live',
  description: 'A desired object exists but belongs to no Helm release: Helm refuses to take it over',
  actions: ['update', 'unchanged'],
  check(pair, context) {
    const live = pair.live!;
    if (context.ownership.inRelease(live) || hasOwnershipMetadata(live, context.release)) return [];
    const { name: release, namespace } = context.release;
    const group = groupOfApiVersion(live.apiVersion);
    const target = `${live.kind.toLowerCase()}${group ? `.${group}` : ''}/${live.metadata.name}${live.metadata.namespace ? ` -n ${live.metadata.namespace}` : ''}`;
    return [{
      path: '/metadata',
      message: `exists in the cluster without Helm's ownership metadata, so helmfile apply stops with "invalid ownership metadata": let release ${release} adopt it (kubectl label ${target} app.kubernetes.io/managed-by=Helm; kubectl annotate ${target} meta.helm.sh/release-name=${release} meta.helm.sh/release-namespace=${namespace}) or delete it first`,
    }];
  },
};

