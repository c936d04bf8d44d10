/**
 * The defaults of the `calico` chart 0.5.2 (its values.yaml), as Helm merges them under every
 * values file. Used to emulate the chart and to write `~` where a definition removes a default.
 */
import { mergeLayers } from '../util/merge';
import type { CalicoValues } from './chart-values';

export const CHART = { name: 'calico', version: '0.5.2', appVersion: '3.30.7' } as const;

export const chartDefaultValues = {
  image: { repository: 'docker-registry.wikimedia.org', tag: '', pullPolicy: 'IfNotPresent' },
  imagePullSecrets: [],
  BGPConfiguration: {},
  GenericBGPCommunity: '14907:14',
  BGPPeers: {},
  IPPools: {},
  IPAMConfig: { autoAllocateBlocks: true, maxBlocksPerHost: 0, strictAffinity: false },
  GlobalNetworkPolicies: {},
  IPv6Support: true,
  bpf: {},
  veth_mtu: '0',
  typha: {
    imageName: 'calico/typha',
    replicaCount: 1,
    resources: { requests: { cpu: '150m', memory: '150Mi' }, limits: { cpu: '150m', memory: '150Mi' } },
    tolerations: {},
    nodeSelector: {},
    shutdownTimeoutSeconds: 300,
    affinity: {
      podAntiAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [
          {
            labelSelector: { matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['calico-typha'] }] },
            topologyKey: 'topology.kubernetes.io/zone',
          },
        ],
      },
    },
  },
  calicoNode: {
    imageName: 'calico/node',
    resources: { requests: { cpu: '350m', memory: '400Mi' }, limits: { memory: '400Mi' } },
  },
  kubeControllers: {
    imageName: 'calico/kube-controllers',
    resources: { requests: { cpu: '150m', memory: '150Mi' }, limits: { cpu: '150m', memory: '150Mi' } },
    tolerations: {},
    nodeSelector: {},
    affinity: {},
    dnsConfig: {},
  },
  cni: { install: false },
} as const;

/** Every key the chart's templates read: its defaults, plus the two it reads without a default. */
export const CHART_KEYS: readonly string[] = [...Object.keys(chartDefaultValues), 'PeerAS', 'ASLoop'];

export type EffectiveValues = CalicoValues & Record<string, unknown>;

/** The values as the chart sees them: its defaults under the given values, `~` applied. */
export function effectiveValues(values: unknown): EffectiveValues {
  return mergeLayers([chartDefaultValues, values]) as unknown as EffectiveValues;
}
