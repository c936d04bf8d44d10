/**
 * The workloads the chart runs in the release namespace: calico-node, typha, kube-controllers,
 * and the ConfigMap calico-node reads its CNI and MTU settings from.
 */
import { Construct } from 'constructs';
import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { chartLabels, imageRef, type ChartInput } from './context';
import { chartPart } from './part';
import type { ResourcesValues } from '../src/model/chart-values';

const TYPHA_PORT = 5473;

type Labels = Record<string, string>;

interface Placement {
  tolerations?: unknown;
  nodeSelector?: Record<string, string>;
}

/** Everything the workloads read; images as the chart writes them (`<repository>/<name>:v<tag>`). */
export interface WorkloadsInput {
  namespace: string;
  labels: Labels;
  vethMtu: string;
  pullPolicy: string;
  /** the CNI installer's image, when the chart installs the CNI plugin */
  cniImage?: string;
  calicoNode: { ipv6: boolean; image: string; resources: ResourcesValues };
  typha: Placement & { replicaCount: number; shutdownTimeoutSeconds: number; affinity?: k8s.Affinity; image: string; resources: ResourcesValues };
  kubeControllers: Placement & { image: string; resources: ResourcesValues };
}

/** Read in the order the chart's templates read them, so that values it cannot render fail where Helm would. */
function workloadsInput(chart: ChartInput): WorkloadsInput {
  const { values } = chart;
  const vethMtu = values.veth_mtu;
  const cniImage = values.cni.install ? imageRef(chart, 'calico/cni') : undefined;
  const calicoNode = { ipv6: values.IPv6Support, image: imageRef(chart, values.calicoNode.imageName), resources: values.calicoNode.resources };
  const typha = {
    replicaCount: values.typha.replicaCount,
    shutdownTimeoutSeconds: values.typha.shutdownTimeoutSeconds,
    tolerations: values.typha.tolerations,
    nodeSelector: values.typha.nodeSelector,
    affinity: (values.typha as { affinity?: k8s.Affinity }).affinity,
    image: imageRef(chart, values.typha.imageName),
    resources: values.typha.resources,
  };
  const { tolerations, nodeSelector } = values.kubeControllers;
  const kubeControllers = { tolerations, nodeSelector, image: imageRef(chart, values.kubeControllers.imageName), resources: values.kubeControllers.resources };
  return { namespace: chart.release.namespace, labels: chartLabels(chart), vethMtu, pullPolicy: values.image.pullPolicy, ...(cniImage ? { cniImage } : {}), calicoNode, typha, kubeControllers };
}

export const workloadsPart = chartPart<WorkloadsInput>({
  id: 'workloads',
  input: workloadsInput,
  add(scope, id, input) {
    addWorkloads(new Construct(scope, id), input);
  },
});

function addWorkloads(scope: Construct, input: WorkloadsInput): void {
  const meta = (name: string) => ({ name, namespace: input.namespace, labels: input.labels });
  configMap(scope, input, meta);
  nodeDaemonSet(scope, input, meta);
  typha(scope, input, meta);
  kubeControllers(scope, input, meta);
  disruptionBudgets(scope, meta);
}

type Meta = (name: string) => { name: string; namespace: string; labels: Labels };

function configMap(scope: Construct, input: WorkloadsInput, meta: Meta): void {
  new k8s.KubeConfigMap(scope, 'calico-config', {
    metadata: meta('calico-config'),
    data: {
      typha_service_name: 'calico-typha',
      calico_backend: 'bird',
      veth_mtu: input.vethMtu,
    },
  });
}

function nodeDaemonSet(scope: Construct, input: WorkloadsInput, meta: Meta): void {
  const labels = input.labels;
  new k8s.KubeDaemonSet(scope, 'calico-node', {
    metadata: meta('calico-node'),
    spec: {
      selector: { matchLabels: { 'k8s-app': 'calico-node' } },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: k8s.IntOrString.fromNumber(1) } },
      template: {
        metadata: { labels: { ...labels, 'k8s-app': 'calico-node' } },
        spec: {
          hostNetwork: true,
          serviceAccountName: 'calico-node',
          priorityClassName: 'system-node-critical',
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          tolerations: [{ effect: 'NoSchedule', operator: 'Exists' }, { key: 'CriticalAddonsOnly', operator: 'Exists' }, { effect: 'NoExecute', operator: 'Exists' }],
          terminationGracePeriodSeconds: 0,
          initContainers: input.cniImage ? [installCni(input.cniImage, input.pullPolicy)] : undefined,
          containers: [calicoNodeContainer(input)],
          volumes: [
            hostPath('lib-modules', '/lib/modules'),
            hostPath('var-run-calico', '/var/run/calico'),
            hostPath('var-lib-calico', '/var/lib/calico'),
            hostPath('xtables-lock', '/run/xtables.lock', 'FileOrCreate'),
            hostPath('cni-bin-dir', '/opt/cni/bin'),
            hostPath('cni-net-dir', '/etc/cni/net.d'),
          ],
        },
      },
    },
  });
}

function typha(scope: Construct, input: WorkloadsInput, meta: Meta): void {
  const labels = input.labels;
  new k8s.KubeDeployment(scope, 'calico-typha', {
    metadata: meta('calico-typha'),
    spec: {
      replicas: input.typha.replicaCount,
      revisionHistoryLimit: 2,
      selector: { matchLabels: { 'k8s-app': 'calico-typha' } },
      template: {
        metadata: { labels: { ...labels, 'k8s-app': 'calico-typha' } },
        spec: {
          hostNetwork: true,
          serviceAccountName: 'calico-node',
          priorityClassName: 'system-cluster-critical',
          terminationGracePeriodSeconds: input.typha.shutdownTimeoutSeconds,
          ...placement(input.typha, input.typha.affinity),
          containers: [
            {
              name: 'calico-typha',
              image: input.typha.image,
              imagePullPolicy: input.pullPolicy,
              ports: [{ containerPort: TYPHA_PORT, name: 'calico-typha', protocol: 'TCP' }],
              env: [
                { name: 'TYPHA_LOGSEVERITYSCREEN', value: 'info' },
                { name: 'TYPHA_DATASTORETYPE', value: 'kubernetes' },
                { name: 'TYPHA_HEALTHENABLED', value: 'true' },
                { name: 'TYPHA_SHUTDOWNTIMEOUTSECS', value: String(input.typha.shutdownTimeoutSeconds) },
              ],
              resources: resources(input.typha.resources),
              livenessProbe: { httpGet: { path: '/liveness', port: k8s.IntOrString.fromNumber(9098), host: 'localhost' }, periodSeconds: 30, initialDelaySeconds: 30 },
              readinessProbe: { httpGet: { path: '/readiness', port: k8s.IntOrString.fromNumber(9098), host: 'localhost' }, periodSeconds: 10 },
            },
          ],
        },
      },
    },
  });
  new k8s.KubeService(scope, 'calico-typha-service', {
    metadata: { ...meta('calico-typha'), labels: { ...labels, 'k8s-app': 'calico-typha' } },
    spec: {
      ports: [{ port: TYPHA_PORT, protocol: 'TCP', targetPort: k8s.IntOrString.fromString('calico-typha'), name: 'calico-typha' }],
      selector: { 'k8s-app': 'calico-typha' },
    },
  });
}

function kubeControllers(scope: Construct, input: WorkloadsInput, meta: Meta): void {
  const labels = input.labels;
  new k8s.KubeDeployment(scope, 'calico-kube-controllers', {
    metadata: meta('calico-kube-controllers'),
    spec: {
      replicas: 1,
      strategy: { type: 'Recreate' },
      selector: { matchLabels: { 'k8s-app': 'calico-kube-controllers' } },
      template: {
        metadata: { labels: { ...labels, 'k8s-app': 'calico-kube-controllers' } },
        spec: {
          serviceAccountName: 'calico-kube-controllers',
          priorityClassName: 'system-cluster-critical',
          dnsPolicy: 'Default',
          ...placement(input.kubeControllers),
          containers: [
            {
              name: 'calico-kube-controllers',
              image: input.kubeControllers.image,
              imagePullPolicy: input.pullPolicy,
              env: [
                { name: 'ENABLED_CONTROLLERS', value: 'node' },
                { name: 'DATASTORE_TYPE', value: 'kubernetes' },
              ],
              resources: resources(input.kubeControllers.resources),
              livenessProbe: { exec: { command: ['/usr/bin/check-status', '-l'] }, periodSeconds: 10, failureThreshold: 6 },
              readinessProbe: { exec: { command: ['/usr/bin/check-status', '-r'] }, periodSeconds: 10 },
            },
          ],
        },
      },
    },
  });
}

function disruptionBudgets(scope: Construct, meta: Meta): void {
  for (const app of ['calico-typha', 'calico-kube-controllers']) {
    new k8s.KubePodDisruptionBudget(scope, `${app}-pdb`, {
      metadata: meta(app),
      spec: { maxUnavailable: k8s.IntOrString.fromNumber(1), selector: { matchLabels: { 'k8s-app': app } } },
    });
  }
}

function calicoNodeContainer(input: WorkloadsInput): k8s.Container {
  const ipv6 = input.calicoNode.ipv6;
  return {
    name: 'calico-node',
    image: input.calicoNode.image,
    imagePullPolicy: input.pullPolicy,
    env: [
      { name: 'DATASTORE_TYPE', value: 'kubernetes' },
      { name: 'FELIX_TYPHAK8SSERVICENAME', valueFrom: { configMapKeyRef: { name: 'calico-config', key: 'typha_service_name' } } },
      { name: 'NODENAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
      { name: 'CALICO_NETWORKING_BACKEND', valueFrom: { configMapKeyRef: { name: 'calico-config', key: 'calico_backend' } } },
      { name: 'CLUSTER_TYPE', value: 'k8s,bgp' },
      { name: 'IP', value: 'autodetect' },
      { name: 'IP6', value: ipv6 ? 'autodetect' : 'none' },
      // pools come from the chart's IPPool objects, never from calico-node's first start
      { name: 'NO_DEFAULT_POOLS', value: 'true' },
      { name: 'FELIX_IPV6SUPPORT', value: String(ipv6) },
      { name: 'FELIX_VETHMTU', valueFrom: { configMapKeyRef: { name: 'calico-config', key: 'veth_mtu' } } },
      { name: 'FELIX_DEFAULTENDPOINTTOHOSTACTION', value: 'ACCEPT' },
      { name: 'FELIX_HEALTHENABLED', value: 'true' },
    ],
    securityContext: { privileged: true },
    resources: resources(input.calicoNode.resources),
    livenessProbe: { exec: { command: ['/bin/calico-node', '-felix-live', '-bird-live'] }, periodSeconds: 10, initialDelaySeconds: 10, failureThreshold: 6, timeoutSeconds: 10 },
    readinessProbe: { exec: { command: ['/bin/calico-node', '-felix-ready', '-bird-ready'] }, periodSeconds: 10, timeoutSeconds: 10 },
    volumeMounts: [
      { mountPath: '/lib/modules', name: 'lib-modules', readOnly: true },
      { mountPath: '/run/xtables.lock', name: 'xtables-lock', readOnly: false },
      { mountPath: '/var/run/calico', name: 'var-run-calico', readOnly: false },
      { mountPath: '/var/lib/calico', name: 'var-lib-calico', readOnly: false },
    ],
  };
}

function installCni(image: string, pullPolicy: string): k8s.Container {
  return {
    name: 'install-cni',
    image,
    imagePullPolicy: pullPolicy,
    command: ['/opt/cni/bin/install'],
    env: [{ name: 'CNI_MTU', valueFrom: { configMapKeyRef: { name: 'calico-config', key: 'veth_mtu' } } }],
    securityContext: { privileged: true },
    volumeMounts: [
      { mountPath: '/host/opt/cni/bin', name: 'cni-bin-dir' },
      { mountPath: '/host/etc/cni/net.d', name: 'cni-net-dir' },
    ],
  };
}

function hostPath(name: string, path: string, type?: string): k8s.Volume {
  return { name, hostPath: { path, type } };
}

/** Tolerations, node selector and affinity, each only when the values set something. */
function placement(component: Placement, affinity?: k8s.Affinity): Partial<k8s.PodSpec> {
  const result: { tolerations?: k8s.Toleration[]; nodeSelector?: Record<string, string>; affinity?: k8s.Affinity } = {};
  if (Array.isArray(component.tolerations) && component.tolerations.length > 0) result.tolerations = component.tolerations as k8s.Toleration[];
  if (component.nodeSelector && Object.keys(component.nodeSelector).length > 0) result.nodeSelector = component.nodeSelector;
  if (affinity && Object.keys(affinity).length > 0) result.affinity = affinity;
  return result;
}

function resources(values: ResourcesValues): k8s.ResourceRequirements {
  const list = (section: ResourcesValues['requests']) => {
    const entries = Object.entries(section ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
    return entries.length > 0 ? Object.fromEntries(entries.map(([key, value]) => [key, k8s.Quantity.fromString(value)])) : undefined;
  };
  return { requests: list(values.requests), limits: list(values.limits) };
}
