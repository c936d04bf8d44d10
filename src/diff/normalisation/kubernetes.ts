/**
 * The defaults kube-apiserver gives the built-in kinds the chart creates (pkg/apis/<group>/v1/defaults.go
 * in kubernetes/kubernetes), and the fields it assigns on its own.
 */
import { ALL, ANY_KEY, type FieldPath } from '../field-path';
import type { DefaultField, NormalisationRule } from './rule';

/** An image with a tag other than `latest` (or a digest) is pulled IfNotPresent by default, else Always. */
const PINNED_IMAGE = '(@sha256:|:(?!latest$)[^:/]+$)';

function containerDefaults(container: FieldPath): DefaultField[] {
  const probes = ['livenessProbe', 'readinessProbe', 'startupProbe'].flatMap((probe): DefaultField[] => [
    { path: [...container, probe, 'timeoutSeconds'], value: 1 },
    { path: [...container, probe, 'periodSeconds'], value: 10 },
    { path: [...container, probe, 'successThreshold'], value: 1 },
    { path: [...container, probe, 'failureThreshold'], value: 3 },
    { path: [...container, probe, 'httpGet', 'scheme'], value: 'HTTP' },
  ]);
  return [
    { path: [...container, 'terminationMessagePath'], value: '/dev/termination-log' },
    { path: [...container, 'terminationMessagePolicy'], value: 'File' },
    { path: [...container, 'imagePullPolicy'], value: 'IfNotPresent', when: { field: 'image', matches: PINNED_IMAGE } },
    { path: [...container, 'imagePullPolicy'], value: 'Always', when: { field: 'image', matches: `^(?!.*${PINNED_IMAGE})` } },
    { path: [...container, 'ports', ALL, 'protocol'], value: 'TCP' },
    { path: [...container, 'env', ALL, 'valueFrom', 'fieldRef', 'apiVersion'], value: 'v1' },
    ...probes,
  ];
}

function podSpecDefaults(pod: FieldPath): DefaultField[] {
  const volume = [...pod, 'volumes', ALL];
  return [
    { path: [...pod, 'dnsPolicy'], value: 'ClusterFirst' },
    { path: [...pod, 'restartPolicy'], value: 'Always' },
    { path: [...pod, 'schedulerName'], value: 'default-scheduler' },
    { path: [...pod, 'terminationGracePeriodSeconds'], value: 30 },
    { path: [...pod, 'enableServiceLinks'], value: true },
    { path: [...pod, 'serviceAccount'], sameAs: 'serviceAccountName' },
    ...containerDefaults([...pod, 'containers', ALL]),
    ...containerDefaults([...pod, 'initContainers', ALL]),
    { path: [...volume, 'hostPath', 'type'], value: '' },
    { path: [...volume, 'configMap', 'defaultMode'], value: 420 },
    { path: [...volume, 'secret', 'defaultMode'], value: 420 },
    { path: [...volume, 'projected', 'defaultMode'], value: 420 },
    { path: [...volume, 'downwardAPI', 'defaultMode'], value: 420 },
  ];
}

function podSpecRule(kinds: string[], apiGroup: string, pod: FieldPath): NormalisationRule {
  const containers = ['containers', 'initContainers'].map((list) => [...pod, list, ALL]);
  return {
    reason: `kube-apiserver defaults the pod spec of a ${kinds.join(', ')}; the Priority admission plugin copies the priority class's value`,
    match: { apiGroup, kinds },
    // the API server writes the embedded ObjectMeta's zero creationTimestamp as null
    ignore: pod.length > 1 ? [[...pod.slice(0, -1), 'metadata', 'creationTimestamp']] : [],
    rebase: [
      [...pod, 'priority'],
      [...pod, 'preemptionPolicy'],
    ],
    defaults: podSpecDefaults(pod),
    quantities: containers.flatMap((container) => [
      [...container, 'resources', 'requests', ANY_KEY],
      [...container, 'resources', 'limits', ANY_KEY],
    ]),
    intOrString: containers.flatMap((container) =>
      ['livenessProbe', 'readinessProbe', 'startupProbe'].flatMap((probe) => [
        [...container, probe, 'httpGet', 'port'],
        [...container, probe, 'tcpSocket', 'port'],
      ]),
    ),
    sets: [[...pod, 'tolerations']],
  };
}

const template = ['spec', 'template', 'spec'];

export const kubernetesRules: NormalisationRule[] = [
  podSpecRule(['Deployment', 'DaemonSet', 'StatefulSet', 'ReplicaSet'], 'apps', template),
  podSpecRule(['Pod'], '', ['spec']),
  {
    reason: 'kube-apiserver defaults a Deployment',
    match: { apiGroup: 'apps', kinds: ['Deployment'] },
    defaults: [
      { path: ['spec', 'replicas'], value: 1 },
      { path: ['spec', 'revisionHistoryLimit'], value: 10 },
      { path: ['spec', 'progressDeadlineSeconds'], value: 600 },
      { path: ['spec', 'strategy', 'type'], value: 'RollingUpdate' },
      { path: ['spec', 'strategy', 'rollingUpdate', 'maxSurge'], value: '25%' },
      { path: ['spec', 'strategy', 'rollingUpdate', 'maxUnavailable'], value: '25%' },
    ],
    intOrString: [
      ['spec', 'strategy', 'rollingUpdate', 'maxSurge'],
      ['spec', 'strategy', 'rollingUpdate', 'maxUnavailable'],
    ],
  },
  {
    reason: 'kube-apiserver defaults a DaemonSet',
    match: { apiGroup: 'apps', kinds: ['DaemonSet'] },
    defaults: [
      { path: ['spec', 'revisionHistoryLimit'], value: 10 },
      { path: ['spec', 'updateStrategy', 'type'], value: 'RollingUpdate' },
      { path: ['spec', 'updateStrategy', 'rollingUpdate', 'maxUnavailable'], value: 1 },
      { path: ['spec', 'updateStrategy', 'rollingUpdate', 'maxSurge'], value: 0 },
    ],
    intOrString: [
      ['spec', 'updateStrategy', 'rollingUpdate', 'maxSurge'],
      ['spec', 'updateStrategy', 'rollingUpdate', 'maxUnavailable'],
    ],
  },
  {
    reason: 'kube-apiserver defaults a StatefulSet',
    match: { apiGroup: 'apps', kinds: ['StatefulSet'] },
    defaults: [
      { path: ['spec', 'replicas'], value: 1 },
      { path: ['spec', 'revisionHistoryLimit'], value: 10 },
      { path: ['spec', 'podManagementPolicy'], value: 'OrderedReady' },
      { path: ['spec', 'updateStrategy', 'type'], value: 'RollingUpdate' },
      { path: ['spec', 'updateStrategy', 'rollingUpdate', 'partition'], value: 0 },
      { path: ['spec', 'persistentVolumeClaimRetentionPolicy', 'whenDeleted'], value: 'Retain' },
      { path: ['spec', 'persistentVolumeClaimRetentionPolicy', 'whenScaled'], value: 'Retain' },
    ],
  },
  {
    reason: 'kube-apiserver defaults a Service and assigns its cluster IPs and IP families',
    match: { apiGroup: '', kinds: ['Service'] },
    rebase: [
      ['spec', 'clusterIP'],
      ['spec', 'clusterIPs'],
      ['spec', 'ipFamilies'],
      ['spec', 'ipFamilyPolicy'],
      ['spec', 'ports', ALL, 'nodePort'],
      ['spec', 'healthCheckNodePort'],
    ],
    defaults: [
      { path: ['spec', 'type'], value: 'ClusterIP' },
      { path: ['spec', 'sessionAffinity'], value: 'None' },
      { path: ['spec', 'internalTrafficPolicy'], value: 'Cluster' },
      { path: ['spec', 'ports', ALL, 'protocol'], value: 'TCP' },
      { path: ['spec', 'ports', ALL, 'targetPort'], sameAs: 'port' },
    ],
    intOrString: [['spec', 'ports', ALL, 'targetPort']],
  },
  {
    reason: 'kube-apiserver defaults a Secret; the token controller of Kubernetes before 1.24 lists token Secrets on a ServiceAccount',
    match: { apiGroup: '', kinds: ['Secret', 'ServiceAccount'] },
    rebase: [['secrets']],
    defaults: [{ path: ['type'], value: 'Opaque' }],
  },
  {
    reason: 'a PodDisruptionBudget counts pods or percentages',
    match: { apiGroup: 'policy', kinds: ['PodDisruptionBudget'] },
    intOrString: [
      ['spec', 'minAvailable'],
      ['spec', 'maxUnavailable'],
    ],
  },
  {
    reason: 'RBAC rules and subjects are sets; kube-apiserver defaults the API group of User and Group subjects',
    match: { apiGroup: 'rbac.authorization.k8s.io' },
    defaults: [{ path: ['subjects', ALL, 'apiGroup'], value: 'rbac.authorization.k8s.io', when: { field: 'kind', matches: '^(User|Group)$' } }],
    sets: [
      ...['apiGroups', 'resources', 'verbs', 'resourceNames', 'nonResourceURLs'].map((list) => ['rules', ALL, list]),
      ['rules'],
      ['subjects'],
    ],
  },
];
