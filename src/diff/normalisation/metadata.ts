/** What the API server, kubectl and Helm write into every object's metadata: never a change. */
import type { NormalisationRule } from './rule';
import { CALICO_GROUP } from '../../core/calico';

const annotation = (key: string) => ['metadata', 'annotations', key];

export const metadataRules: NormalisationRule[] = [
  {
    reason: 'kube-apiserver fills in identity, version and bookkeeping on every object; status is reported by controllers',
    match: {},
    ignore: [
      ['metadata', 'uid'],
      ['metadata', 'resourceVersion'],
      ['metadata', 'generation'],
      ['metadata', 'creationTimestamp'],
      ['metadata', 'managedFields'],
      ['metadata', 'selfLink'],
      ['status'],
    ],
  },
  {
    reason: 'kubectl apply keeps its last applied configuration; Helm records which release owns the object (read for `managed`, not compared)',
    match: {},
    ignore: [
      annotation('kubectl.kubernetes.io/last-applied-configuration'),
      annotation('meta.helm.sh/release-name'),
      annotation('meta.helm.sh/release-namespace'),
    ],
  },
  {
    reason: 'the Deployment controller numbers its rollouts',
    match: { apiGroup: 'apps', kinds: ['Deployment'] },
    ignore: [annotation('deployment.kubernetes.io/revision')],
  },
  {
    reason: '`kubectl rollout restart` stamps the pod template; Helm leaves the stamp alone, so it is no drift to revert',
    match: { apiGroup: 'apps', kinds: ['Deployment', 'DaemonSet', 'StatefulSet'] },
    ignore: [['spec', 'template', 'metadata', 'annotations', 'kubectl.kubernetes.io/restartedAt']],
  },
  {
    reason: "Calico's datastore driver keeps the projectcalico.org/v3 metadata of objects written through calicoctl or Calico's API server",
    match: { apiGroup: CALICO_GROUP },
    ignore: [annotation('projectcalico.org/metadata')],
  },
];
