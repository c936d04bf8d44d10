import { type Hit, pointer } from '../../../core/findings';
import { arrayAt, isSet, own } from '../../../util/json';
import { defineRule, hit } from '../../rule';
import { BGPCONFIGURATION } from '../../../core/calico';
import { quoteText } from './support/describe';

const CLUSTER_SETTINGS = ['nodeToNodeMeshEnabled', 'asNumber', 'nodeMeshPassword', 'nodeMeshMaxRestartTime'];
const CLUSTER_LISTS = ['serviceClusterIPs', 'serviceExternalIPs', 'serviceLoadBalancerIPs'];

export const bgpconfigClusterOnlyFields = defineRule({
  scope: 'object',
  id: 'bgpconfig-cluster-only-fields',
  severity: 'error',
  description: 'Only BGPConfiguration default sets the mesh fields, asNumber and the service IP lists; per-node objects may not',
  kinds: [BGPCONFIGURATION],
  check({ spec, name }) {
    if (name === undefined || name === 'default') return [];
    const present = [
      ...CLUSTER_SETTINGS.filter((field) => isSet(own(spec, field))),
      ...CLUSTER_LISTS.filter((field) => (arrayAt(spec, field) ?? []).length > 0),
    ];
    return present.map(
      (field): Hit =>
        hit(
          pointer('spec', field),
          `Cannot set ${field} on a non default BGP Configuration: ${quoteText(name)} is a per-node override. ` +
            'Move it to BGPConfiguration default' +
            (field === 'asNumber' ? " (or set the node's own AS in its Node spec.bgp.asNumber)." : '.'),
        ),
    );
  },
});
