/** calicoNode, typha, kubeControllers: image name, resources, replicas and placement. */
import { isDeepStrictEqual } from 'node:util';
import { chartDefaultValues } from '../model/chart-defaults';
import { isPlainMap } from '../util/merge';
import { isInteger, isOneOf, isQuantity, isString, type Check } from './checks';
import type { LayerMapper } from './mapper';

type Component = 'calicoNode' | 'typha' | 'kubeControllers';

/** keys each component has in the model, and the chart keys that may only keep the chart's default */
const COMPONENT_KEYS: Record<Component, { model: string[]; defaultOnly: string[] }> = {
  calicoNode: { model: ['imageName', 'resources'], defaultOnly: [] },
  typha: { model: ['imageName', 'replicaCount', 'shutdownTimeoutSeconds', 'resources', 'tolerations', 'nodeSelector'], defaultOnly: ['affinity'] },
  kubeControllers: { model: ['imageName', 'resources', 'tolerations', 'nodeSelector'], defaultOnly: ['affinity', 'dnsConfig'] },
};

const TOLERATION_KEYS: Record<string, Check> = {
  key: isString,
  operator: isOneOf(['Exists', 'Equal']),
  value: isString,
  effect: isOneOf(['NoSchedule', 'PreferNoSchedule', 'NoExecute']),
  tolerationSeconds: isInteger(0),
};

export function mapComponent(m: LayerMapper, component: Component, value: unknown): void {
  const from = [component];
  if (!m.expectMap(from, value)) return;
  m.note([component], from);
  const { model, defaultOnly } = COMPONENT_KEYS[component];
  for (const [key, item] of Object.entries(value)) {
    const at = [...from, key];
    if (defaultOnly.includes(key)) {
      const chartDefault = (chartDefaultValues[component] as Record<string, unknown>)[key];
      if (!isDeepStrictEqual(item, chartDefault)) m.problem(at, `the model cannot hold ${component}.${key} yet: only the chart's default (${JSON.stringify(chartDefault)}) can be imported; ask for it to be added`);
      continue;
    }
    if (!model.includes(key)) {
      m.unknownKey(at, model, ` (and ${defaultOnly.join(', ') || 'nothing else'} at the chart's default)`);
      continue;
    }
    mapComponentKey(m, component, key, item);
  }
}

function mapComponentKey(m: LayerMapper, component: Component, key: string, item: unknown): void {
  const to = [component, key];
  const at = [component, key];
  switch (key) {
    case 'imageName':
      return m.leaf(to, at, item, isString);
    case 'replicaCount':
    case 'shutdownTimeoutSeconds':
      return m.leaf(to, at, item, isInteger(0, 2147483647));
    case 'resources':
      return mapResources(m, component, item);
    case 'tolerations':
      return mapTolerations(m, component, item);
    default:
      return mapNodeSelector(m, component, item);
  }
}

function mapResources(m: LayerMapper, component: Component, value: unknown): void {
  const from = [component, 'resources'];
  if (value === null) return m.set([component, 'resources'], null, from);
  if (!isPlainMap(value)) return m.problem(from, `is ${JSON.stringify(value)}, expected {requests, limits}`);
  m.set([component, 'resources'], {}, from);
  for (const [section, list] of Object.entries(value)) {
    const at = [...from, section];
    if (section !== 'requests' && section !== 'limits') {
      m.unknownKey(at, ['requests', 'limits']);
      continue;
    }
    if (list === null) {
      m.set([component, 'resources', section], null, at);
      continue;
    }
    if (!isPlainMap(list)) {
      m.problem(at, `is ${JSON.stringify(list)}, expected {cpu, memory}`);
      continue;
    }
    m.set([component, 'resources', section], {}, at);
    for (const [resource, quantity] of Object.entries(list)) {
      if (resource === 'cpu' || resource === 'memory') m.leaf([component, 'resources', section, resource], [...at, resource], quantity, isQuantity);
      else m.unknownKey([...at, resource], ['cpu', 'memory']);
    }
  }
}

/** The chart's default is the map `{}`, the model's a list: `{}` is "none". */
function mapTolerations(m: LayerMapper, component: Component, value: unknown): void {
  const from = [component, 'tolerations'];
  if (value === null) return m.set([component, 'tolerations'], null, from);
  if (isPlainMap(value) && Object.keys(value).length === 0) {
    const lower = (m.lower[component] as Record<string, unknown> | undefined)?.tolerations;
    if (Array.isArray(lower) && lower.length > 0) m.set([component, 'tolerations'], [], from);
    return;
  }
  if (!Array.isArray(value)) return m.problem(from, `is ${JSON.stringify(value)}, expected a list of tolerations`);
  let ok = true;
  value.forEach((toleration, index) => {
    if (!isPlainMap(toleration)) {
      ok = false;
      return m.problem([...from, index], 'expected a toleration {key, operator, value, effect, tolerationSeconds}');
    }
    for (const [key, item] of Object.entries(toleration)) {
      const check = TOLERATION_KEYS[key];
      const result = check ? check(item) : undefined;
      if (!check) m.unknownKey([...from, index, key], Object.keys(TOLERATION_KEYS));
      else if (!result!.ok) m.problem([...from, index, key], result!.reason);
      if (!check || !result!.ok) ok = false;
    }
  });
  if (ok) m.set([component, 'tolerations'], structuredClone(value), from);
}

function mapNodeSelector(m: LayerMapper, component: Component, value: unknown): void {
  const from = [component, 'nodeSelector'];
  if (value === null) return m.set([component, 'nodeSelector'], null, from);
  if (!isPlainMap(value)) return m.problem(from, `is ${JSON.stringify(value)}, expected a map of node label → value`);
  if (Object.keys(value).length === 0) return;
  const bad = Object.entries(value).find(([, label]) => typeof label !== 'string' && label !== null);
  if (bad) return m.problem([...from, bad[0]], `is ${JSON.stringify(bad[1])}, expected a string: quote it`);
  m.set([component, 'nodeSelector'], { ...value }, from);
  for (const key of Object.keys(value)) m.note([component, 'nodeSelector', key], [...from, key]);
}
