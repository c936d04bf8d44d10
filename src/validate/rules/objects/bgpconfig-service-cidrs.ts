import { type Hit, pointer } from '../../../core/findings';
import { formatCidr, isStrictlyMasked, parseCidrOrIp } from '../../../core/net';
import { arrayAt, nonEmptyStringAt } from '../../../util/json';
import { defineRule, hit } from '../../rule';
import { BGPCONFIGURATION } from '../../../core/calico';
import { quoteText } from './support/describe';

const SERVICE_LISTS = ['serviceClusterIPs', 'serviceExternalIPs', 'serviceLoadBalancerIPs'];

function checkBlock(field: string, i: number, cidr: string): Hit[] {
  const path = pointer('spec', field, i, 'cidr');
  const parsed = parseCidrOrIp(cidr);
  if (!parsed.ok) return [hit(path, `${field}[${i}].cidr ${quoteText(cidr)} is not a CIDR: ${parsed.reason}.`)];
  if (!isStrictlyMasked(parsed.value)) {
    return [hit(path, `${field}[${i}].cidr ${quoteText(cidr)} is not strictly masked (host bits set): write ${formatCidr(parsed.value)}.`)];
  }
  if (!cidr.includes('/')) {
    return [
      hit(
        path,
        `${field}[${i}].cidr ${quoteText(cidr)} is a bare address: Calico 3.30 reads it as ${formatCidr(parsed.value)}, ` +
          `but the v3.32 CRD requires CIDR notation. Write ${formatCidr(parsed.value)}.`,
        'info',
      ),
    ];
  }
  return [];
}

export const bgpconfigServiceCidrs = defineRule({
  scope: 'object',
  id: 'bgpconfig-service-cidrs',
  severity: 'error',
  description: 'BGPConfiguration serviceClusterIPs/serviceExternalIPs/serviceLoadBalancerIPs cidrs are valid and strictly masked',
  kinds: [BGPCONFIGURATION],
  check({ spec }) {
    return SERVICE_LISTS.flatMap((field) =>
      (arrayAt(spec, field) ?? []).flatMap((block, i) => {
        const cidr = nonEmptyStringAt(block, 'cidr');
        return cidr === undefined ? [] : checkBlock(field, i, cidr);
      }),
    );
  },
});
