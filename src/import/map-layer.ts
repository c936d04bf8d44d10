/**
 * One values layer (the chart's keys of one or more files) → one model layer: the inverse of
 * src/values/emit.ts, key by key, keeping `~` as `null`.
 */
import { isPlainMap } from '../util/merge';
import { CHART } from '../model/chart-defaults';
import type { ImportProblem } from './errors';
import type { ComposedLayer } from './compose';
import { isBoolean, isInteger, isOneOf, isString, isVethMtu } from './checks';
import { LayerMapper, type MappedLayer } from './mapper';
import { mapBgpConfiguration, mapBgpPeers, mapBgpScalars } from './map-bgp';
import { mapComponent } from './map-components';
import { mapGlobalNetworkPolicies, mapIpPools } from './map-pools';

type SectionMapper = (m: LayerMapper, value: unknown) => void;

const sections: Record<string, SectionMapper> = {
  image: mapImage,
  imagePullSecrets: (m, value) => emptyOnly(m, 'imagePullSecrets', value),
  BGPConfiguration: mapBgpConfiguration,
  GenericBGPCommunity: (m, value) => mapBgpScalars(m, 'GenericBGPCommunity', value),
  PeerAS: (m, value) => mapBgpScalars(m, 'PeerAS', value),
  ASLoop: (m, value) => mapBgpScalars(m, 'ASLoop', value),
  BGPPeers: mapBgpPeers,
  IPPools: mapIpPools,
  IPAMConfig: mapIpamConfig,
  GlobalNetworkPolicies: mapGlobalNetworkPolicies,
  IPv6Support: (m, value) => m.leaf(['ipv6Support'], ['IPv6Support'], value, isBoolean),
  bpf: (m, value) => emptyOnly(m, 'bpf', value),
  veth_mtu: (m, value) => m.leaf(['vethMtu'], ['veth_mtu'], value, isVethMtu),
  typha: (m, value) => mapComponent(m, 'typha', value),
  calicoNode: (m, value) => mapComponent(m, 'calicoNode', value),
  kubeControllers: (m, value) => mapComponent(m, 'kubeControllers', value),
  cni: mapCni,
};

/** `layer.data` holds only chart keys (see chart-keys.ts). */
export function mapLayer(layer: ComposedLayer, lower: Record<string, unknown>, problems: ImportProblem[]): MappedLayer {
  const mapper = new LayerMapper(layer, lower, problems);
  for (const [key, value] of Object.entries(layer.data)) sections[key]?.(mapper, value);
  return mapper.result();
}

/** The tag is the bare Calico version; an empty tag means the chart's appVersion. */
function mapImage(m: LayerMapper, value: unknown): void {
  if (!m.expectMap(['image'], value)) return;
  m.note(['image'], ['image']);
  for (const [key, item] of Object.entries(value)) {
    const at = ['image', key];
    if (key === 'repository') m.leaf(['image', 'repository'], at, item, isString);
    else if (key === 'pullPolicy') m.leaf(['image', 'pullPolicy'], at, item, isOneOf(['IfNotPresent', 'Always', 'Never']));
    else if (key === 'tag') m.leaf(['calicoVersion'], at, item === '' ? CHART.appVersion : item, isString);
    else m.unknownKey(at, ['repository', 'tag', 'pullPolicy']);
  }
}

function mapIpamConfig(m: LayerMapper, value: unknown): void {
  if (!m.expectMap(['IPAMConfig'], value, 'the chart always creates IPAMConfig default')) return;
  m.note(['ipam'], ['IPAMConfig']);
  for (const [key, item] of Object.entries(value)) {
    const at = ['IPAMConfig', key];
    if (key === 'strictAffinity' || key === 'autoAllocateBlocks') m.leaf(['ipam', key], at, item, isBoolean);
    else if (key === 'maxBlocksPerHost') m.leaf(['ipam', key], at, item, isInteger(0, 2147483647));
    else m.unknownKey(at, ['strictAffinity', 'autoAllocateBlocks', 'maxBlocksPerHost']);
  }
}

function mapCni(m: LayerMapper, value: unknown): void {
  if (!m.expectMap(['cni'], value)) return;
  for (const [key, item] of Object.entries(value)) {
    if (key === 'install') m.leaf(['cniInstall'], ['cni', 'install'], item, isBoolean);
    else m.unknownKey(['cni', key], ['install']);
  }
}

/** Keys the model has no room for, importable only while they hold the chart's empty default. */
function emptyOnly(m: LayerMapper, key: 'bpf' | 'imagePullSecrets', value: unknown): void {
  const empty = value === null || (Array.isArray(value) && value.length === 0) || (isPlainMap(value) && Object.keys(value).length === 0);
  if (!empty) m.problem([key], `the model cannot hold ${key} yet (${key === 'bpf' ? 'eBPF data plane settings' : 'image pull secrets'}); only an empty ${key} can be imported: ask for it to be added`);
}
