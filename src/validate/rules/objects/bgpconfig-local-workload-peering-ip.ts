import type { Hit } from '../../../core/findings';
import { ipVersion, parseIp } from '../../../core/net';
import { nonEmptyStringAt } from '../../../util/json';
import { defineRule, hit } from '../../rule';
import { BGPCONFIGURATION } from '../../../core/calico';
import { quoteText } from './support/describe';

const FIELDS = [
  ['localWorkloadPeeringIPV4', 4, '169.254.0.179'],
  ['localWorkloadPeeringIPV6', 6, 'fe80::179'],
] as const;

export const bgpconfigLocalWorkloadPeeringIp = defineRule({
  scope: 'object',
  id: 'bgpconfig-local-workload-peering-ip',
  severity: 'error',
  description: 'localWorkloadPeeringIPV4 is an IPv4 address and localWorkloadPeeringIPV6 an IPv6 address',
  kinds: [BGPCONFIGURATION],
  check({ spec }) {
    const hits: Hit[] = [];
    for (const [field, family, example] of FIELDS) {
      const text = nonEmptyStringAt(spec, field);
      if (text === undefined) continue;
      const ip = parseIp(text);
      if (ip.ok && ipVersion(ip.value) === family) continue;
      hits.push(
        hit(
          `/spec/${field}`,
          `${field} ${quoteText(text)} must be an IPv${family} address${ip.ok ? '' : ` (${ip.reason})`}; a link-local address such as ${example} is recommended.`,
        ),
      );
    }
    return hits;
  },
});
