// A live cluster as a real one looks after `helmfile apply` of the example fleet's ams-main,
// plus what happened since: the planted changes a diff must show, and the server's own additions
// it must not.
import { join } from 'node:path';
import type { KubeObject } from '../../../src/core/kube';
import { synthesizeFleet } from '../../support/pipeline';
import { renderCluster } from '../../../src/render/files';
import type { SynthesizedCluster } from '../../../src/synth/synthesize';
import { helmReleaseSecret, type FakeApiServerOptions } from '../../support/fake-apiserver';
import { ROOT } from './cli';

/** The example fleet's main cluster. */
export const CLUSTER = 'ams-main';
export const RELEASE = { name: 'calico', namespace: 'kube-system' };
export const DRIFTED_PEER = 'cr1-ams-ipv4';
export const DRIFTED_PEER_IP = '192.0.2.111';
export const UNDECLARED_POOL = 'default-ipv4-ippool';
/** the one release values key that differs: deployed 1450, desired "0" */
export const DRIFTED_VALUE = { key: 'veth_mtu', deployed: '1450' };

export async function desiredCluster(name: string = CLUSTER): Promise<SynthesizedCluster> {
  const fleet = await synthesizeFleet({ clustersDir: join(ROOT, 'clusters'), only: [name] });
  const errors = fleet.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) throw new Error(`example cluster ${name} has definition errors: ${errors.map((f) => f.message).join('; ')}`);
  return fleet.clusters[0]!;
}

/** What calico-node creates on first start when nothing stops it (as Calico's datastore writes it). */
function undeclaredPool(): KubeObject {
  return {
    apiVersion: 'crd.projectcalico.org/v1',
    kind: 'IPPool',
    metadata: {
      name: UNDECLARED_POOL,
      annotations: { 'projectcalico.org/metadata': '{"uid":"5c0f8f39-3d6c-4f65-8a47-2f0e0c4d7a11","creationTimestamp":"2025-05-16T19:02:00Z"}' },
    },
    spec: { cidr: '192.168.0.0/16', blockSize: 26, ipipMode: 'Always', natOutgoing: true, nodeSelector: 'all()', vxlanMode: 'Never' },
  };
}

/** Objects of the cluster that are none of the release's business. */
function bystanders(): KubeObject[] {
  return [
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
      spec: { selector: { matchLabels: { 'k8s-app': 'kube-dns' } }, template: { metadata: { labels: { 'k8s-app': 'kube-dns' } }, spec: { containers: [{ name: 'coredns', image: 'registry.k8s.io/coredns/coredns:v1.11.1' }] } } } },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'system:coredns' }, rules: [{ apiGroups: [''], resources: ['endpoints', 'services'], verbs: ['list', 'watch'] }] },
    { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'bgp-password', namespace: 'kube-system' }, stringData: { password: 'hunter2' } },
    { apiVersion: 'crd.projectcalico.org/v1', kind: 'IPAMBlock', metadata: { name: '10-64-192-0-26' }, spec: { cidr: '10.64.192.0/26', affinity: 'host:node-1' } },
  ];
}

/** What the API server, admission and Calico write into objects, none of it a change. */
function serverAdditions(object: KubeObject): void {
  const o = object as any;
  if (o.kind === 'DaemonSet' && o.metadata.name === 'calico-node') {
    // the Priority admission plugin resolves the class; memory written in another unit
    o.spec.template.spec.priority = 2000001000;
    o.spec.template.spec.preemptionPolicy = 'PreemptLowerPriority';
    o.spec.template.spec.serviceAccount = o.spec.template.spec.serviceAccountName;
    o.spec.template.spec.containers[0].resources.requests.memory = '1024Mi';
    o.spec.template.spec.containers[0].resources.requests.cpu = '0.7';
  }
  if (o.kind === 'Deployment' && o.metadata.name === 'calico-typha') {
    // kube-apiserver stores quantities in canonical form: the definition's 1.5Gi reads back as 1536Mi
    const requests = o.spec.template.spec.containers[0].resources.requests;
    if (requests.memory === '1.5Gi') requests.memory = '1536Mi';
  }
  if (o.kind === 'GlobalNetworkPolicy') o.spec.tier = 'default';
  if (o.kind === 'ClusterRole' && o.metadata.name === 'calico-node') o.rules[0].verbs = [...o.rules[0].verbs].reverse();
  if (o.kind === 'ConfigMap') {
    o.metadata.annotations = { ...o.metadata.annotations, 'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1","kind":"ConfigMap"}\n' };
  }
}

/** The drift someone made by hand: a BGPPeer edited with kubectl. */
function drift(object: KubeObject): void {
  if (object.kind === 'BGPPeer' && object.metadata.name === DRIFTED_PEER) (object.spec as Record<string, unknown>).peerIP = DRIFTED_PEER_IP;
}

export function releaseSecrets(synthesized: SynthesizedCluster): KubeObject[] {
  const chart = { name: 'calico', version: '0.5.2', appVersion: '3.30.7' };
  const manifest = renderCluster(synthesized)['manifests.yaml'];
  const config = { ...structuredClone(synthesized.values), [DRIFTED_VALUE.key]: DRIFTED_VALUE.deployed } as Record<string, unknown>;
  return [
    helmReleaseSecret({ ...RELEASE, version: 1, status: 'superseded', chart, config: {}, manifest: '' }),
    helmReleaseSecret({ ...RELEASE, version: 2, status: 'deployed', chart, config, manifest }),
  ];
}

/** The fake API server's options for the planted cluster. */
export function plantedServer(synthesized: SynthesizedCluster): FakeApiServerOptions {
  return {
    objects: [...structuredClone(synthesized.manifests), undeclaredPool(), ...bystanders(), ...releaseSecrets(synthesized)],
    calicoDefaults: true,
    calicoCrds: true,
    helmRelease: RELEASE,
    mutate: (object) => {
      serverAdditions(object);
      drift(object);
    },
  };
}
