/**
 * For every object rule: a minimal example that triggers it (the README's example column), more
 * triggering inputs, and inputs that must not trigger it. rule-cases.test.ts runs them all and
 * fails when a rule has no entry here.
 */

export interface RuleCases {
  /** minimal flow-YAML object that triggers the rule at its default severity */
  example: string;
  triggers?: string[];
  passes: string[];
}

const pool = (spec: string): string => `{kind: IPPool, metadata: {name: p}, spec: {${spec}}}`;
const peer = (spec: string): string => `{kind: BGPPeer, metadata: {name: p}, spec: {${spec}}}`;
const bgp = (spec: string, name = 'default'): string =>
  `{kind: BGPConfiguration, metadata: {name: ${name}}, spec: {${spec}}}`;
const ipam = (spec: string, name = 'default'): string =>
  `{kind: IPAMConfig, metadata: {name: ${name}}, spec: {strictAffinity: true, autoAllocateBlocks: true, ${spec}}}`;

const v4 = (spec = ''): string => pool(`cidr: 10.0.0.0/16, ${spec}`);
const v6 = (spec = ''): string => pool(`cidr: "2001:db8::/48", ${spec}`);
const router = (spec = ''): string => peer(`peerIP: 192.0.2.1, asNumber: 64512, ${spec}`);

export const ruleCases: Record<string, RuleCases> = {
  'calico-resource-name': {
    example: '{kind: IPPool, metadata: {name: Pool_1}, spec: {cidr: 10.0.0.0/16}}',
    triggers: [
      '{kind: IPPool, metadata: {name: -pool}, spec: {cidr: 10.0.0.0/16}}',
      '{kind: IPPool, metadata: {name: pool.}, spec: {cidr: 10.0.0.0/16}}',
      '{kind: BGPPeer, metadata: {name: ""}, spec: {}}',
      `{kind: BGPPeer, metadata: {name: ${'a'.repeat(254)}}, spec: {}}`,
      '{kind: BGPPeer, spec: {}}',
      '{kind: IPAMConfig, metadata: {name: 5}, spec: {}}',
    ],
    passes: [
      '{kind: IPPool, metadata: {name: ipv4-pool.codfw}, spec: {cidr: 10.0.0.0/16}}',
      `{kind: BGPPeer, metadata: {name: ${'a'.repeat(253)}}, spec: {}}`,
      '{kind: BGPConfiguration, metadata: {name: node.worker-1}, spec: {}}',
    ],
  },
  'calico-metadata-labels': {
    example: '{kind: IPPool, metadata: {name: p, labels: {"bad key!": x}}, spec: {cidr: 10.0.0.0/16}}',
    triggers: [
      `{kind: IPPool, metadata: {name: p, labels: {app: ${'v'.repeat(64)}}}, spec: {}}`,
      '{kind: IPPool, metadata: {name: p, labels: {app: 1}}, spec: {}}',
      '{kind: IPPool, metadata: {name: p, labels: [a]}, spec: {}}',
      '{kind: IPPool, metadata: {name: p, annotations: {-x: y}}, spec: {}}',
      '{kind: IPPool, metadata: {name: p, labels: {a/b/c: x}}, spec: {}}',
    ],
    passes: [
      '{kind: IPPool, metadata: {name: p, labels: {app.kubernetes.io/name: calico, helm.sh/chart: calico-0.5.2, empty: ""}}, spec: {}}',
      '{kind: IPPool, metadata: {name: p, annotations: {Example.COM/Owner: "Net Team"}}, spec: {}}',
    ],
  },
  'calico-unknown-field': {
    example: '{kind: IPPool, metadata: {name: p}, spec: {cidr: 10.0.0.0/16, natOutGoing: true}}',
    triggers: [
      peer('peerIp: 192.0.2.1'),
      bgp('nodeToNodeMesh: false'),
      v4('namespaceSelector: all()'),
      '{kind: IPPool, metadata: {name: p}, specs: {cidr: 10.0.0.0/16}}',
      '{kind: IPPool, metadata: {name: p, lables: {a: b}}, spec: {cidr: 10.0.0.0/16}}',
      router('password: {secretKeyRef: {name: s, keey: k}}'),
      bgp('communities: [{name: a, vaule: "1:1"}]'),
      router('localASNumber: 65001'),
    ],
    passes: [
      v4(
        'blockSize: 26, ipipMode: Never, vxlanMode: Never, natOutgoing: true, disabled: false, disableBGPExport: false, ' +
          'nodeSelector: all(), allowedUses: [Workload], assignmentMode: Automatic',
      ),
      router('password: {secretKeyRef: {name: s, key: k, optional: false}}, filters: [f], ttlSecurity: 1'),
      '{apiVersion: crd.projectcalico.org/v1, kind: IPPool, metadata: {name: p, uid: x, resourceVersion: "1", ' +
        'creationTimestamp: "2025-01-01T00:00:00Z", generation: 1, managedFields: []}, spec: {cidr: 10.0.0.0/16}}',
    ],
  },
  'calico-field-type': {
    example: '{kind: IPPool, metadata: {name: p}, spec: {cidr: 10.0.0.0/16, natOutgoing: Enabled}}',
    triggers: [
      v4('blockSize: "26"'),
      router('maxRestartTime: 120'),
      peer('peerIP: 192.0.2.1, asNumber: "1.10"'),
      v4('disabled: "false"'),
      v4('allowedUses: Workload'),
      '{kind: IPPool, metadata: {name: p}, spec: [cidr]}',
      bgp('communities: [{name: a, value: 1}], prefixAdvertisements: [{cidr: 10.0.0.0/8, communities: [a]}]'),
      ipam('maxBlocksPerHost: 1.5'),
    ],
    passes: [v4('blockSize: 26, natOutgoing: true, allowedUses: [Workload, Tunnel]'), v4('natOutgoing: ~'), router('maxRestartTime: 120s')],
  },
  'calico-required-field': {
    example: '{kind: IPAMConfig, metadata: {name: default}, spec: {strictAffinity: true}}',
    triggers: [
      pool('natOutgoing: true'),
      '{kind: IPPool, metadata: {name: p}}',
      '{kind: IPAMConfig, metadata: {name: default}}',
      router('password: {secretKeyRef: {name: bgp-secrets}}'),
      pool('cidr: ~'),
    ],
    passes: [v4(), ipam(''), router(), '{kind: BGPConfiguration, metadata: {name: default}}'],
  },
  'calico-selector-syntax': {
    example: '{kind: IPPool, metadata: {name: p}, spec: {cidr: 10.0.0.0/16, nodeSelector: "zone == row-c2"}}',
    triggers: [
      peer(`peerSelector: "rr in ('x')"`),
      peer(`localWorkloadSelector: "app = 'bird'", asNumber: 65000`),
      peer(`nodeSelector: "rack == 'a' and zone == 'b'"`),
      `kind: IPPool\nmetadata: {name: p}\nspec:\n  cidr: 10.0.0.0/16\n  nodeSelector: |\n    zone == 'a'\n`,
    ],
    passes: [
      v4('nodeSelector: ""'),
      v4('nodeSelector: all()'),
      v4(`nodeSelector: "has(x) && zone in {'a', 'b'}"`),
      peer(`nodeSelector: "!has(rr)", peerSelector: "rr == 'true'"`),
    ],
  },
  'calico-as-number': {
    example: '{kind: BGPPeer, metadata: {name: p}, spec: {peerIP: 192.0.2.1, asNumber: 4294967296}}',
    triggers: [peer('peerIP: 192.0.2.1, asNumber: -1'), bgp('asNumber: 5000000000')],
    passes: [router(), peer('asNumber: 0'), peer('asNumber: 4294967295'), bgp('asNumber: 64512'), peer('asNumber: "64512"')],
  },
  'calico-duration': {
    example: '{kind: BGPPeer, metadata: {name: p}, spec: {peerIP: 192.0.2.1, asNumber: 64512, maxRestartTime: "120"}}',
    triggers: [
      router('maxRestartTime: 2 minutes'),
      router('maxRestartTime: ""'),
      router('maxRestartTime: 1x'),
      router('maxRestartTime: .s'),
      // names every JavaScript object has are no units
      router('maxRestartTime: 1constructor'),
      router('maxRestartTime: 2toString'),
      bgp('nodeMeshMaxRestartTime: 5d'),
    ],
    passes: ['120s', '2m', '1h30m', '0', '1.5s', '-5s', '500ms', '10µs', '.5s'].map((d) => router(`maxRestartTime: "${d}"`)),
  },
  'ippool-cidr': {
    example: '{kind: IPPool, metadata: {name: p}, spec: {cidr: 10.0.0.0}}',
    triggers: ['010.0.0.0/8', '', '10.0.0.0/33', 'fe80::%eth0/64', '10.0.0.0/-1', 'pods.example/24', '10.0.0.0/ 8', '1.2.3/24', '2001:db8:::/48', '::ffff:10.0.0.0/104'].map(
      (c) => pool(`cidr: "${c}"`),
    ),
    passes: ['10.0.0.0/16', '2001:db8::/48', '10.0.0.0/08', '::10.0.0.0/104', '10.0.0.1/24'].map((c) => pool(`cidr: "${c}"`)),
  },
  'ippool-cidr-strict-mask': {
    example: '{kind: IPPool, metadata: {name: p}, spec: {cidr: 10.194.128.1/17}}',
    triggers: [pool('cidr: "2001:db8::1/64"')],
    passes: [pool('cidr: 10.194.128.0/17'), pool('cidr: bad'), pool('cidr: 10.0.0.1/32')],
  },
  'ippool-cidr-canonical': {
    example: '{kind: IPPool, metadata: {name: p}, spec: {cidr: "2001:DB8:0::/48"}}',
    triggers: [pool('cidr: 10.0.0.0/08'), pool('cidr: "2001:db8:0:0:0:0:0:0/64"')],
    passes: [v6(), v4(), pool('cidr: "2001:DB8::1/64"'), pool('cidr: bad')],
  },
  'ippool-cidr-link-local': {
    example: '{kind: IPPool, metadata: {name: p}, spec: {cidr: 169.254.10.0/24}}',
    triggers: ['0.0.0.0/0', '128.0.0.0/1', '169.254.0.0/15', '::/0', 'fe00::/8', 'fe80::/64', '169.254.0.1/16'].map((c) =>
      pool(`cidr: "${c}", disabled: true`),
    ),
    passes: ['169.253.0.0/16', '169.255.0.0/16', 'fec0::/10', '10.0.0.0/8', 'fe40::/10'].map((c) => pool(`cidr: "${c}"`)),
  },
  'ippool-block-size': {
    example: '{kind: IPPool, metadata: {name: p}, spec: {cidr: "2001:db8::/48", blockSize: 64}}',
    triggers: [v4('blockSize: 19'), v4('blockSize: 33'), v4('blockSize: 122'), v6('blockSize: 129'), v6('blockSize: 115'), v4('blockSize: -1')],
    passes: [v4('blockSize: 20'), v4('blockSize: 32'), v6('blockSize: 116'), v6('blockSize: 128'), v4('blockSize: 0'), v4(), v6()],
  },
  'ippool-smaller-than-block': {
    example: '{kind: IPPool, metadata: {name: p}, spec: {cidr: 10.0.0.0/27}}',
    triggers: [pool('cidr: "2001:db8::/124"'), pool('cidr: 10.0.0.0/25, blockSize: 24'), pool('cidr: 10.0.0.0/27, blockSize: 0')],
    passes: [
      pool('cidr: 10.0.0.0/27, disabled: true'),
      pool('cidr: 10.0.0.0/26'),
      pool('cidr: 10.0.0.0/27, blockSize: 27'),
      pool('cidr: 10.0.0.0/27, blockSize: 19'),
      pool('cidr: "2001:db8::/122"'),
    ],
  },
  'ippool-ipip-mode': {
    example: '{kind: IPPool, metadata: {name: p}, spec: {cidr: 10.0.0.0/16, ipipMode: always}}',
    triggers: [v4('ipipMode: Enabled'), v4('ipipMode: never')],
    passes: [v4('ipipMode: Always'), v4('ipipMode: CrossSubnet'), v4('ipipMode: Never'), v4('ipipMode: ""'), v4()],
  },
  'ippool-vxlan-mode': {
    example: '{kind: IPPool, metadata: {name: p}, spec: {cidr: 10.0.0.0/16, vxlanMode: never}}',
    triggers: [v4('vxlanMode: VXLAN')],
    passes: [v4('vxlanMode: Always'), v4('vxlanMode: CrossSubnet'), v4('vxlanMode: Never'), v4()],
  },
  'ippool-both-encapsulations': {
    example: '{kind: IPPool, metadata: {name: p}, spec: {cidr: 10.0.0.0/16, ipipMode: Always, vxlanMode: CrossSubnet}}',
    triggers: [v4('ipipMode: CrossSubnet, vxlanMode: Always')],
    passes: [v4('ipipMode: Always, vxlanMode: Never'), v4('ipipMode: never, vxlanMode: Always'), v4('vxlanMode: Always')],
  },
  'ippool-ipip-on-ipv6': {
    example: '{kind: IPPool, metadata: {name: p}, spec: {cidr: "2001:db8::/48", ipipMode: CrossSubnet}}',
    triggers: [v6('ipipMode: Always')],
    passes: [v6('ipipMode: Never'), v6(), v6('vxlanMode: Always'), v4('ipipMode: Always')],
  },
  'ippool-allowed-uses': {
    example: '{kind: IPPool, metadata: {name: p}, spec: {cidr: 10.0.0.0/16, allowedUses: [Workload, tunnel]}}',
    triggers: [v4('allowedUses: [LoadBalancers]')],
    passes: [v4('allowedUses: [Workload, Tunnel]'), v4('allowedUses: [LoadBalancer]'), v4('allowedUses: []'), v4()],
  },
  'ippool-load-balancer': {
    example: '{kind: IPPool, metadata: {name: p}, spec: {cidr: 10.0.0.0/16, allowedUses: [LoadBalancer, Workload]}}',
    triggers: [
      v4('allowedUses: [LoadBalancer], vxlanMode: Always'),
      v4('allowedUses: [LoadBalancer], disableBGPExport: true'),
      v4('allowedUses: [LoadBalancer], nodeSelector: "all( )"'),
      v4('allowedUses: [LoadBalancer], nodeSelector: "has(x)"'),
    ],
    passes: [
      v4('allowedUses: [LoadBalancer], nodeSelector: all()'),
      v4('allowedUses: [LoadBalancer]'),
      v4('allowedUses: [LoadBalancer], nodeSelector: ""'),
      v4('allowedUses: [Workload], disableBGPExport: true'),
    ],
  },
  'ippool-assignment-mode': {
    example: '{kind: IPPool, metadata: {name: p}, spec: {cidr: 10.0.0.0/16, assignmentMode: automatic}}',
    triggers: [v4('assignmentMode: ""')],
    passes: [v4('assignmentMode: Automatic'), v4('assignmentMode: Manual'), v4()],
  },
  'ippool-legacy-fields': {
    example: '{kind: IPPool, metadata: {name: p}, spec: {cidr: 10.0.0.0/16, ipip: {enabled: true}}}',
    triggers: [v4('nat-outgoing: true'), v4('ipip: {}'), v4('nat-outgoing: false')],
    passes: [v4('natOutgoing: true, ipipMode: Always'), v4('ipip: ~')],
  },
  'ippool-node-selector-global': {
    example: '{kind: IPPool, metadata: {name: p}, spec: {cidr: 10.0.0.0/16, nodeSelector: global()}}',
    triggers: [v4(`nodeSelector: "note == 'global()'"`)],
    passes: [v4('nodeSelector: all()'), v4()],
  },
  'bgppeer-node-and-node-selector': {
    example: `{kind: BGPPeer, metadata: {name: p}, spec: {peerIP: 192.0.2.1, asNumber: 64512, node: worker-1, nodeSelector: "rack == 'a'"}}`,
    passes: [router('node: worker-1'), router(`nodeSelector: "rack == 'a'"`), router(`node: "", nodeSelector: "rack == 'a'"`)],
  },
  'bgppeer-peer-ip-and-peer-selector': {
    example: '{kind: BGPPeer, metadata: {name: p}, spec: {peerIP: 192.0.2.1, peerSelector: has(route-reflector)}}',
    passes: [router(), peer('peerSelector: has(rr)'), peer('node: worker-1, peerSelector: has(rr)')],
  },
  'bgppeer-as-number-with-peer-selector': {
    example: '{kind: BGPPeer, metadata: {name: p}, spec: {peerSelector: has(route-reflector), asNumber: 64512}}',
    passes: [peer('peerSelector: has(rr), asNumber: 0'), peer('peerSelector: has(rr)'), peer('nodeSelector: all(), peerSelector: has(rr)'), router()],
  },
  'bgppeer-local-workload-selector': {
    example: `{kind: BGPPeer, metadata: {name: p}, spec: {localWorkloadSelector: "app == 'bird'"}}`,
    triggers: [
      peer(`localWorkloadSelector: "app == 'bird'", asNumber: 65000, peerIP: 192.0.2.1`),
      peer(`localWorkloadSelector: "app == 'bird'", asNumber: 65000, peerSelector: has(rr)`),
      peer(`localWorkloadSelector: "app == 'bird'", asNumber: 0`),
    ],
    passes: [peer(`localWorkloadSelector: "app == 'bird'", asNumber: 65000`), router()],
  },
  'bgppeer-peer-ip': {
    example: '{kind: BGPPeer, metadata: {name: p}, spec: {peerIP: router.example.net, asNumber: 64512}}',
    triggers: ['192.0.2.1:0', '192.0.2.1:65536', '[2001:db8::1]', '2001:db8::1%eth0', '192.0.2.0/24', '192.0.2.1:', '[]:179', '010.0.0.1', ':179', '[2001:db8::1]:0'].map(
      (ip) => peer(`peerIP: "${ip}", asNumber: 64512`),
    ),
    passes: ['192.0.2.1', '192.0.2.1:179', '[2001:db8::1]:179', '[192.0.2.1]:179', '2001:db8::1', '2001:db8::1:179', '', '192.0.2.1:00179'].map(
      (ip) => peer(`peerIP: "${ip}", asNumber: 64512`),
    ),
  },
  'bgppeer-peer-ip-unbracketed-port': {
    example: '{kind: BGPPeer, metadata: {name: p}, spec: {peerIP: "2001:db8::1:179", asNumber: 64512}}',
    triggers: [peer('peerIP: "fd00:1::2:1790", asNumber: 64512')],
    passes: ['[2001:db8::1]:179', '2001:db8::1', '2001:db8:0:0:0:0:1:179', 'fd00::179', '2001:db8::10', '192.0.2.1:179'].map((ip) =>
      peer(`peerIP: "${ip}", asNumber: 64512`),
    ),
  },
  'bgppeer-keep-original-next-hop': {
    example: '{kind: BGPPeer, metadata: {name: p}, spec: {peerIP: 192.0.2.1, asNumber: 64512, keepOriginalNextHop: true, nextHopMode: Keep}}',
    triggers: [router('keepOriginalNextHop: true')],
    passes: [router('keepOriginalNextHop: false, nextHopMode: Keep'), router('nextHopMode: Self'), router()],
  },
  'bgppeer-next-hop-mode': {
    example: '{kind: BGPPeer, metadata: {name: p}, spec: {peerIP: 192.0.2.1, asNumber: 64512, nextHopMode: self}}',
    triggers: [router('nextHopMode: ""')],
    passes: [router('nextHopMode: Auto'), router('nextHopMode: Self'), router('nextHopMode: Keep'), router()],
  },
  'bgppeer-reverse-peering': {
    example: '{kind: BGPPeer, metadata: {name: p}, spec: {peerSelector: has(rr), reversePeering: auto}}',
    passes: [peer('peerSelector: has(rr), reversePeering: Auto'), peer('peerSelector: has(rr), reversePeering: Manual'), router()],
  },
  'bgppeer-source-address': {
    example: '{kind: BGPPeer, metadata: {name: p}, spec: {peerIP: 192.0.2.1, asNumber: 64512, sourceAddress: NodeIP}}',
    passes: [router('sourceAddress: UseNodeIP'), router('sourceAddress: None'), router('sourceAddress: ""')],
  },
  'bgppeer-reachable-by': {
    example: '{kind: BGPPeer, metadata: {name: p}, spec: {peerIP: 192.0.2.1, asNumber: 64512, reachableBy: "2001:db8::1"}}',
    triggers: [
      peer('asNumber: 64512, reachableBy: 192.0.2.254'),
      router('reachableBy: gateway'),
      peer('peerIP: "[2001:db8::1]:179", asNumber: 64512, reachableBy: 192.0.2.254'),
    ],
    passes: [
      router('reachableBy: 192.0.2.254'),
      peer('peerIP: "[2001:db8::1]:179", asNumber: 64512, reachableBy: "2001:db8::fe"'),
      router(),
      peer('peerIP: bad, asNumber: 64512, reachableBy: 192.0.2.254'),
    ],
  },
  'bgppeer-ttl-security': {
    example: '{kind: BGPPeer, metadata: {name: p}, spec: {peerIP: 192.0.2.1, asNumber: 64512, ttlSecurity: 256}}',
    triggers: [router('ttlSecurity: -1')],
    passes: [router('ttlSecurity: 0'), router('ttlSecurity: 255'), router('ttlSecurity: 1')],
  },
  'bgppeer-num-allowed-local-as-numbers': {
    example: '{kind: BGPPeer, metadata: {name: p}, spec: {peerIP: 192.0.2.1, asNumber: 64512, numAllowedLocalASNumbers: 2147483648}}',
    triggers: [router('numAllowedLocalASNumbers: -2147483649')],
    passes: [router('numAllowedLocalASNumbers: 3'), router('numAllowedLocalASNumbers: 0'), router('numAllowedLocalASNumbers: -1')],
  },
  'bgppeer-reference-names': {
    example: '{kind: BGPPeer, metadata: {name: p}, spec: {peerIP: 192.0.2.1, asNumber: 64512, node: Worker_1}}',
    triggers: [router('filters: [export-v4, Bad_Filter]')],
    passes: [router('node: worker-1.example'), router('filters: [export-v4]'), router('node: ""')],
  },
  'bgpconfig-community': {
    example: '{kind: BGPConfiguration, metadata: {name: default}, spec: {communities: [{name: generic, value: "65536:1"}]}}',
    triggers: [
      bgp('communities: [{name: a, value: "1:2:4294967296"}]'),
      bgp('communities: [{name: a, value: "1:2:3:4"}]'),
      bgp('communities: [{name: a, value: "a:b"}]'),
      bgp('communities: [{name: Bad_Name, value: "1:1"}]'),
      bgp('communities: [{value: "1:1"}]'),
      bgp('communities: [{name: a}]'),
      bgp('communities: [{name: a, value: "1:1"}, {name: a, value: "2:2"}]'),
    ],
    passes: [
      bgp('communities: [{name: generic, value: "14907:14"}]'),
      bgp('communities: [{name: large, value: "4294967295:1:4294967295"}]'),
      bgp('communities: [{name: max, value: "65535:65535"}]'),
    ],
  },
  'bgpconfig-community-unused': {
    example: '{kind: BGPConfiguration, metadata: {name: default}, spec: {communities: [{name: generic, value: "14907:14"}]}}',
    triggers: [
      bgp('communities: [{name: a, value: "1:1"}, {name: b, value: "2:2"}], prefixAdvertisements: [{cidr: 10.0.0.0/8, communities: [a]}]'),
    ],
    passes: [
      bgp('communities: [{name: a, value: "1:1"}], prefixAdvertisements: [{cidr: 10.0.0.0/8, communities: [a, "2:2"]}]'),
      bgp('logSeverityScreen: Info'),
    ],
  },
  'bgpconfig-prefix-advertisement': {
    example: '{kind: BGPConfiguration, metadata: {name: default}, spec: {prefixAdvertisements: [{cidr: 10.0.0.1/24, communities: ["14907:14"]}]}}',
    triggers: [
      bgp('prefixAdvertisements: [{cidr: 10.0.0.0/24, communities: []}]'),
      bgp('prefixAdvertisements: [{cidr: 10.0.0.0/24}]'),
      bgp('prefixAdvertisements: [{communities: ["1:1"]}]'),
      bgp('prefixAdvertisements: [{cidr: bad, communities: ["1:1"]}]'),
      bgp('prefixAdvertisements: [{cidr: 10.0.0.0/24, communities: ["65536:1"]}]'),
      bgp('prefixAdvertisements: [{cidr: 10.0.0.0/24, communities: [undefined-name]}]'),
      bgp('prefixAdvertisements: [{cidr: 10.0.0.0/24, communities: ["1:2:3:4"]}]'),
    ],
    passes: [
      bgp('prefixAdvertisements: [{cidr: 10.0.0.0/24, communities: ["14907:14", "1:2:3"]}]'),
      bgp('communities: [{name: generic, value: "14907:14"}], prefixAdvertisements: [{cidr: "2001:db8::/48", communities: [generic]}]'),
      bgp('prefixAdvertisements: [{cidr: 10.0.0.1, communities: ["1:1"]}]'),
    ],
  },
  'bgpconfig-cluster-only-fields': {
    example: '{kind: BGPConfiguration, metadata: {name: node.worker-1}, spec: {asNumber: 64512}}',
    triggers: [
      bgp('nodeToNodeMeshEnabled: false', 'node.x'),
      bgp('serviceClusterIPs: [{cidr: 10.96.0.0/12}]', 'node.x'),
      bgp('nodeMeshPassword: {secretKeyRef: {name: s, key: k}}', 'node.x'),
      bgp('nodeMeshMaxRestartTime: 120s', 'node.x'),
      bgp('serviceLoadBalancerIPs: [{cidr: 192.0.2.0/24}]', 'node.x'),
    ],
    passes: [
      bgp('asNumber: 64512, nodeToNodeMeshEnabled: false, serviceClusterIPs: [{cidr: 10.96.0.0/12}]'),
      bgp('logSeverityScreen: Info, listenPort: 179, bindMode: NodeIP, ignoredInterfaces: [eth*], serviceClusterIPs: []', 'node.x'),
    ],
  },
  'bgpconfig-mesh-disabled-fields': {
    example: '{kind: BGPConfiguration, metadata: {name: default}, spec: {nodeToNodeMeshEnabled: false, nodeMeshMaxRestartTime: 120s}}',
    triggers: [bgp('nodeToNodeMeshEnabled: false, nodeMeshPassword: {secretKeyRef: {name: s, key: k}}')],
    passes: [bgp('nodeToNodeMeshEnabled: true, nodeMeshPassword: {secretKeyRef: {name: s, key: k}}'), bgp('nodeMeshMaxRestartTime: 120s'), bgp('nodeToNodeMeshEnabled: false')],
  },
  'bgpconfig-log-severity': {
    example: '{kind: BGPConfiguration, metadata: {name: default}, spec: {logSeverityScreen: info}}',
    triggers: [bgp('logSeverityScreen: INFO'), bgp('logSeverityScreen: Warn'), bgp('logSeverityScreen: Critical')],
    passes: [bgp('logSeverityScreen: Info'), bgp('logSeverityScreen: Trace'), bgp('logSeverityScreen: Fatal'), bgp('logSeverityScreen: ""')],
  },
  'bgpconfig-service-cidrs': {
    example: '{kind: BGPConfiguration, metadata: {name: default}, spec: {serviceClusterIPs: [{cidr: 10.96.0.1/12}]}}',
    triggers: [
      bgp('serviceExternalIPs: [{cidr: bad}]'),
      bgp('serviceLoadBalancerIPs: [{cidr: "2001:db8::1/64"}]'),
      bgp('serviceClusterIPs: [{cidr: 10.96.0.1}]'),
    ],
    passes: [
      bgp('serviceClusterIPs: [{cidr: 10.96.0.0/12}, {cidr: "2001:db8::/112"}]'),
      bgp('serviceExternalIPs: []'),
      bgp('serviceLoadBalancerIPs: [{cidr: ""}]'),
    ],
  },
  'bgpconfig-listen-port': {
    example: '{kind: BGPConfiguration, metadata: {name: default}, spec: {listenPort: 0}}',
    triggers: [bgp('listenPort: 65536')],
    passes: [bgp('listenPort: 179'), bgp('listenPort: 1'), bgp('listenPort: 65535'), bgp('')],
  },
  'bgpconfig-ignored-interfaces': {
    example: '{kind: BGPConfiguration, metadata: {name: default}, spec: {ignoredInterfaces: ["*"]}}',
    triggers: ['"eth0 "', 'a-very-long-interface-name', 'eth/0', '""'].map((i) => bgp(`ignoredInterfaces: [${i}]`)),
    passes: [bgp('ignoredInterfaces: ["eth*", kube-ipvs0, "cali*", vlan.100]')],
  },
  'bgpconfig-local-workload-peering-ip': {
    example: '{kind: BGPConfiguration, metadata: {name: default}, spec: {localWorkloadPeeringIPV4: "fe80::1"}}',
    triggers: [
      bgp('localWorkloadPeeringIPV6: 169.254.0.1'),
      bgp('localWorkloadPeeringIPV4: bad'),
      bgp('localWorkloadPeeringIPV6: "::ffff:169.254.0.1"'),
    ],
    passes: [bgp('localWorkloadPeeringIPV4: 169.254.0.179, localWorkloadPeeringIPV6: "fe80::179"'), bgp('localWorkloadPeeringIPV4: ""')],
  },
  'bgpconfig-bind-mode': {
    example: '{kind: BGPConfiguration, metadata: {name: default}, spec: {bindMode: Foo}}',
    passes: [bgp('bindMode: None'), bgp('bindMode: NodeIP'), bgp('')],
  },
  'ipamconfig-name': {
    example: '{kind: IPAMConfig, metadata: {name: ipam}, spec: {strictAffinity: true, autoAllocateBlocks: true}}',
    passes: [ipam('')],
  },
  'ipamconfig-max-blocks-per-host': {
    example: '{kind: IPAMConfig, metadata: {name: default}, spec: {strictAffinity: true, autoAllocateBlocks: true, maxBlocksPerHost: -1}}',
    triggers: [ipam('maxBlocksPerHost: 2147483648')],
    passes: [ipam('maxBlocksPerHost: 0'), ipam('maxBlocksPerHost: 1'), ipam('maxBlocksPerHost: 2147483647')],
  },
  'ipamconfig-max-blocks-per-host-cap': {
    example: '{kind: IPAMConfig, metadata: {name: default}, spec: {strictAffinity: true, autoAllocateBlocks: true, maxBlocksPerHost: 2000000}}',
    passes: [ipam('maxBlocksPerHost: 1000000'), ipam('maxBlocksPerHost: 0'), ipam('maxBlocksPerHost: 2147483648')],
  },
};
