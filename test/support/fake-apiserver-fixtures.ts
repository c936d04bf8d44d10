// A small live state for the fake API server's own tests: Calico objects as
// the fixture chart renders them, one workload of each kind, and the Helm
// release that installed them.
import type { KubeObject } from '../../src/core/kube';
import { helmReleaseSecret } from './fake-apiserver';

const LABELS = {
  'helm.sh/chart': 'calico-0.5.2',
  'app.kubernetes.io/name': 'calico',
  'app.kubernetes.io/instance': 'calico',
  'app.kubernetes.io/version': '3.30.7',
  'app.kubernetes.io/managed-by': 'Helm',
};

function calico(kind: string, name: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'crd.projectcalico.org/v1', kind, metadata: { name, labels: LABELS }, spec };
}

function podTemplate(app: string, image: string): Record<string, unknown> {
  return {
    metadata: { labels: { 'k8s-app': app } },
    spec: {
      serviceAccountName: app,
      containers: [{
        name: app,
        image,
        env: [{ name: 'NODENAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
        readinessProbe: { httpGet: { path: '/readiness', port: 9099 } },
      }],
      volumes: [{ name: 'lib-modules', hostPath: { path: '/lib/modules' } }],
    },
  };
}

export const CALICO_VALUES = { IPPools: { ipv4: { cidr: '10.194.128.0/17' }, ipv6: { cidr: '2620:0:860:cabe::/64' } } };

export function liveObjects(): KubeObject[] {
  return [
    calico('IPPool', 'ipv4', { cidr: '10.194.128.0/17', ipipMode: 'Never', vxlanMode: 'Never' }),
    calico('IPPool', 'ipv6', { cidr: '2620:0:860:cabe::/64', ipipMode: 'Never', vxlanMode: 'Never' }),
    calico('BGPPeer', 'cr1-codfw-ipv4', { asNumber: 14907, nodeSelector: "topology.kubernetes.io/region == 'codfw'", numAllowedLocalASNumbers: 1, peerIP: '208.80.153.192' }),
    calico('IPAMConfig', 'default', { autoAllocateBlocks: true, maxBlocksPerHost: 0, strictAffinity: true }),
    {
      apiVersion: 'apps/v1', kind: 'Deployment',
      metadata: { name: 'calico-typha', namespace: 'kube-system', labels: LABELS },
      spec: { replicas: 3, selector: { matchLabels: { 'k8s-app': 'calico-typha' } }, template: podTemplate('calico-typha', 'docker-registry.wikimedia.org/calico/typha:v3.30.7') },
    },
    {
      apiVersion: 'apps/v1', kind: 'DaemonSet',
      metadata: { name: 'calico-node', namespace: 'kube-system', labels: LABELS },
      spec: { selector: { matchLabels: { 'k8s-app': 'calico-node' } }, template: podTemplate('calico-node', 'docker-registry.wikimedia.org/calico/node:v3.30.7') },
    },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'calico-config', namespace: 'kube-system', labels: LABELS }, data: { veth_mtu: '0' } },
    helmReleaseSecret({
      name: 'calico', namespace: 'kube-system', version: 2,
      chart: { name: 'calico', version: '0.5.2', appVersion: '3.30.7' },
      config: CALICO_VALUES, manifest: '---\n# Source: calico/templates/ippool.yaml\n',
    }),
    helmReleaseSecret({
      name: 'calico', namespace: 'kube-system', version: 1, status: 'superseded',
      chart: { name: 'calico', version: '0.5.1', appVersion: '3.30.7' },
      config: {}, manifest: '',
    }),
  ];
}
