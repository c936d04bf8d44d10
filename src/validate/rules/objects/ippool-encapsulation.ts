import { formatCidr } from '../../../core/net';
import { defineRule, hit } from '../../rule';
import { IPPOOL } from '../../../core/calico';
import { quoteText } from './support/describe';
import { enumFieldRule } from './support/enum-rule';
import { encapsulationEnabled, poolCidr } from './support/pool';

const MODES = ['Always', 'CrossSubnet', 'Never'];

export const ippoolIpipMode = enumFieldRule({
  id: 'ippool-ipip-mode',
  kind: IPPOOL,
  field: 'ipipMode',
  allowed: MODES,
  emptyAllowed: true,
  description: 'IPPool ipipMode is exactly Always, CrossSubnet or Never',
});

export const ippoolVxlanMode = enumFieldRule({
  id: 'ippool-vxlan-mode',
  kind: IPPOOL,
  field: 'vxlanMode',
  allowed: MODES,
  emptyAllowed: true,
  description: 'IPPool vxlanMode is exactly Always, CrossSubnet or Never',
});

export const ippoolBothEncapsulations = defineRule({
  scope: 'object',
  id: 'ippool-both-encapsulations',
  severity: 'error',
  description: 'IPPool does not enable IPIP and VXLAN at the same time',
  kinds: [IPPOOL],
  check({ spec }) {
    const ipip = encapsulationEnabled(spec, 'ipipMode');
    const vxlan = encapsulationEnabled(spec, 'vxlanMode');
    if (!ipip || !vxlan) return [];
    return [
      hit(
        '/spec/vxlanMode',
        `Cannot enable both VXLAN and IPIP on the same IPPool: ipipMode is ${quoteText(ipip)} and vxlanMode is ` +
          `${quoteText(vxlan)}. Set one of them to Never.`,
      ),
    ];
  },
});

export const ippoolIpipOnIpv6 = defineRule({
  scope: 'object',
  id: 'ippool-ipip-on-ipv6',
  severity: 'error',
  description: 'An IPv6 IPPool has ipipMode Never (or omitted)',
  kinds: [IPPOOL],
  check({ spec }) {
    const cidr = poolCidr(spec);
    const ipip = encapsulationEnabled(spec, 'ipipMode');
    if (!cidr || cidr.family !== 6 || !ipip) return [];
    return [
      hit(
        '/spec/ipipMode',
        `IPIP is not supported on an IPv6 IP pool: ipipMode is ${quoteText(ipip)} on ${formatCidr(cidr)}. ` +
          'Set ipipMode: Never or omit it (IPv6 pools can use vxlanMode).',
      ),
    ];
  },
});
