/** Calico objects whose name decides what they may hold (docs/calico-rules.md §1, §4, §5). */
import { CALICO_GROUP } from '../../core/calico';
import { name, spec, type Refusal } from './refusal';

export const ipamConfigName: Refusal = {
  id: 'ipamconfig-not-default',
  severity: 'error',
  basis: 'desired',
  description: 'An IPAMConfig named other than `default`: Calico reads only `default`',
  kinds: [`${CALICO_GROUP}/IPAMConfig`],
  actions: ['create'],
  check(pair) {
    if (name(pair) === 'default') return [];
    return [{ path: '/metadata/name', message: `IPAMConfig is named ${JSON.stringify(name(pair))}, but Calico refuses any name but "default" and reads only that one: name it default` }];
  },
};

const CLUSTER_ONLY_BGP_FIELDS = ['nodeToNodeMeshEnabled', 'asNumber', 'serviceLoadBalancerIPs', 'serviceExternalIPs', 'serviceClusterIPs', 'nodeMeshPassword', 'nodeMeshMaxRestartTime'];

export const bgpNodeConfigurationFields: Refusal = {
  id: 'bgpconfiguration-node-cluster-fields',
  severity: 'error',
  basis: 'desired',
  description: 'A per-node BGPConfiguration sets fields only `default` may set',
  kinds: [`${CALICO_GROUP}/BGPConfiguration`],
  actions: ['create', 'update'],
  check(pair) {
    if (name(pair) === 'default') return [];
    return CLUSTER_ONLY_BGP_FIELDS.filter((field) => spec(pair.desired)[field] !== undefined).map((field) => ({
      path: `/spec/${field}`,
      message: `BGPConfiguration ${name(pair)} is a per-node configuration and Calico refuses ${field} on it: set ${field} in BGPConfiguration default`,
    }));
  },
};

