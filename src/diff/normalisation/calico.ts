/**
 * The defaults Calico gives its own resources (docs/calico-rules.md §2.1, §4, §5: clientv3 fills them
 * in before validation and on read, and calico-node writes them back), and the fields it stores in
 * canonical form.
 */
import { ALL } from '../field-path';
import type { NormalisationRule } from './rule';
import { CALICO_DEFAULT_AS_NUMBER, CALICO_GROUP, DEFAULT_BLOCK_SIZE, IPV4_TEXT, IPV6_TEXT } from '../../core/calico';

const calico = CALICO_GROUP;

export const calicoRules: NormalisationRule[] = [
  {
    reason: 'Calico defaults an IPPool (libcalico-go clientv3 ippool.go) and stores its cidr in canonical form',
    match: { apiGroup: calico, kinds: ['IPPool'] },
    defaults: [
      { path: ['spec', 'blockSize'], value: DEFAULT_BLOCK_SIZE[4], when: { field: 'cidr', matches: IPV4_TEXT } },
      { path: ['spec', 'blockSize'], value: DEFAULT_BLOCK_SIZE[6], when: { field: 'cidr', matches: IPV6_TEXT } },
      { path: ['spec', 'nodeSelector'], value: 'all()' },
      { path: ['spec', 'allowedUses'], value: ['Tunnel', 'Workload'] },
      { path: ['spec', 'ipipMode'], value: 'Never' },
      { path: ['spec', 'vxlanMode'], value: 'Never' },
      { path: ['spec', 'assignmentMode'], value: 'Automatic' },
      { path: ['spec', 'natOutgoing'], value: false },
      { path: ['spec', 'disabled'], value: false },
      { path: ['spec', 'disableBGPExport'], value: false },
    ],
    addresses: [['spec', 'cidr']],
    // sorted before the defaults compare them: [Workload, Tunnel] is the default in any order
    sets: [['spec', 'allowedUses']],
  },
  {
    reason: 'Calico defaults the BGPConfiguration (libcalico-go api bgpconfig.go) and reads its CIDRs by value',
    match: { apiGroup: calico, kinds: ['BGPConfiguration'] },
    defaults: [
      { path: ['spec', 'logSeverityScreen'], value: 'Info' },
      { path: ['spec', 'nodeToNodeMeshEnabled'], value: true },
      { path: ['spec', 'asNumber'], value: CALICO_DEFAULT_AS_NUMBER },
      { path: ['spec', 'listenPort'], value: 179 },
    ],
    addresses: [
      ['spec', 'serviceClusterIPs', ALL, 'cidr'],
      ['spec', 'serviceExternalIPs', ALL, 'cidr'],
      ['spec', 'serviceLoadBalancerIPs', ALL, 'cidr'],
      ['spec', 'prefixAdvertisements', ALL, 'cidr'],
    ],
    sets: [['spec', 'serviceClusterIPs'], ['spec', 'serviceExternalIPs'], ['spec', 'serviceLoadBalancerIPs']],
  },
  {
    reason: 'Calico IPAM creates IPAMConfig `default` with these values on first use',
    match: { apiGroup: calico, kinds: ['IPAMConfig'] },
    defaults: [
      { path: ['spec', 'strictAffinity'], value: false },
      { path: ['spec', 'autoAllocateBlocks'], value: true },
      { path: ['spec', 'maxBlocksPerHost'], value: 0 },
    ],
  },
  {
    reason: 'a BGPPeer flag Calico reads as false when absent; peer addresses are compared by value',
    match: { apiGroup: calico, kinds: ['BGPPeer'] },
    defaults: [{ path: ['spec', 'keepOriginalNextHop'], value: false }],
    addresses: [['spec', 'peerIP']],
  },
  {
    reason: "a policy without a tier is in Calico's `default` tier; policy types are a set; Calico ports are numbers or named ranges",
    match: { apiGroup: calico, kinds: ['GlobalNetworkPolicy'] },
    defaults: [{ path: ['spec', 'tier'], value: 'default' }],
    intOrString: ['ingress', 'egress'].flatMap((direction) =>
      ['source', 'destination'].flatMap((side) => [
        ['spec', direction, ALL, side, 'ports', ALL],
        ['spec', direction, ALL, side, 'notPorts', ALL],
      ]),
    ),
    sets: [['spec', 'types']],
  },
];
