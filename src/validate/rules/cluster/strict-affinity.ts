import { defineRule } from '../../rule';
import { defaultObject, specOf } from './view';

export const strictAffinityRequired = defineRule({
  scope: 'cluster',
  id: 'strict-affinity-required',
  severity: 'error',
  description: 'With the node-to-node mesh off, IPAMConfig strictAffinity is true (a borrowed address is only routed in a full mesh)',
  check(cluster) {
    const bgp = defaultObject(cluster, 'BGPConfiguration');
    if (!bgp || specOf(bgp).nodeToNodeMeshEnabled !== false) return [];
    const ipam = defaultObject(cluster, 'IPAMConfig');
    // hand-written manifests without an IPAMConfig may just not include it: nothing to judge
    if (!ipam || specOf(ipam).strictAffinity === true) return [];
    return [
      {
        object: 'IPAMConfig/default',
        path: '/spec/strictAffinity',
        message:
          `strictAffinity is ${JSON.stringify(specOf(ipam).strictAffinity ?? false)} while BGPConfiguration default turns the node-to-node mesh off: ` +
          "a node whose blocks are full borrows an address from another node's block, and only that other node announces the block, " +
          'so without a full mesh the pod is unreachable; set IPAMConfig strictAffinity: true',
      },
    ];
  },
});
