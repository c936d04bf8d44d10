import { cidrsOverlap, formatCidr, formatIp, isIpv4Mapped, isStrictlyMasked, linkLocalRange, parseCidr } from '../../../core/net';
import { own, stringAt } from '../../../util/json';
import { defineRule, hit } from '../../rule';
import { IPPOOL } from '../../../core/calico';
import { quoteText } from './support/describe';
import { poolCidr } from './support/pool';

const PATH = '/spec/cidr';

export const ippoolCidr = defineRule({
  scope: 'object',
  id: 'ippool-cidr',
  severity: 'error',
  description: 'IPPool cidr is a valid address/prefix-length CIDR as Go parses it',
  kinds: [IPPOOL],
  check({ spec }) {
    const text = stringAt(spec, 'cidr');
    if (text === undefined) return [];
    if (text === '') return [hit(PATH, 'IPPool CIDR must be specified: cidr is empty. Set it to the pool network, e.g. 10.0.0.0/16.')];
    const parsed = parseCidr(text);
    if (parsed.ok) {
      const { family, address, prefix } = parsed.value;
      // Calico takes the IP version from the address (Go's To4), so such a pool is sized as IPv4
      // against a /96+ mask and can never pass the block-size checks.
      if (!isIpv4Mapped({ family, value: address })) return [];
      const v4 = formatIp({ family: 4, value: address & 0xffffffffn });
      const hint = prefix >= 96 ? ` Write the IPv4 form ${v4}/${prefix - 96}.` : '';
      return [hit(PATH, `IPPool CIDR ${quoteText(text)} is an IPv4-mapped IPv6 address, which Calico treats as IPv4 with a ${prefix}-bit mask.${hint}`)];
    }
    return [
      hit(
        PATH,
        `IPPool CIDR must be a valid subnet: ${quoteText(text)} — ${parsed.reason}. ` +
          'Write <network>/<prefix length>, e.g. 10.0.0.0/16 or 2001:db8::/48 (no leading zeros in IPv4, no zone).',
      ),
    ];
  },
});

export const ippoolCidrStrictMask = defineRule({
  scope: 'object',
  id: 'ippool-cidr-strict-mask',
  severity: 'error',
  description: 'IPPool cidr has no host bits set (10.0.0.1/24 is refused)',
  kinds: [IPPOOL],
  check({ spec }) {
    const cidr = poolCidr(spec);
    if (!cidr || isStrictlyMasked(cidr)) return [];
    return [
      hit(
        PATH,
        `IPPool CIDR is not strictly masked: ${quoteText(String(own(spec, 'cidr')))} has host bits set. ` +
          `The network is ${formatCidr(cidr)}; write that (or a longer prefix if you meant a smaller pool).`,
      ),
    ];
  },
});

export const ippoolCidrCanonical = defineRule({
  scope: 'object',
  id: 'ippool-cidr-canonical',
  severity: 'info',
  description: 'IPPool cidr is written the way Calico stores it (lower case, compressed IPv6)',
  kinds: [IPPOOL],
  check({ spec }) {
    const cidr = poolCidr(spec);
    const text = stringAt(spec, 'cidr');
    if (!cidr || !isStrictlyMasked(cidr) || text === formatCidr(cidr)) return [];
    return [
      hit(
        PATH,
        `IPPool CIDR ${quoteText(text ?? '')} is not in canonical form: calicoctl stores it as ${formatCidr(cidr)}, ` +
          `so a diff against the live object shows a change. Write ${formatCidr(cidr)}.`,
      ),
    ];
  },
});

export const ippoolCidrLinkLocal = defineRule({
  scope: 'object',
  id: 'ippool-cidr-link-local',
  severity: 'error',
  description: 'IPPool cidr does not overlap link-local 169.254.0.0/16 or fe80::/10',
  kinds: [IPPOOL],
  check({ spec }) {
    const cidr = poolCidr(spec);
    if (!cidr) return [];
    const linkLocal = linkLocalRange(cidr.family);
    if (!cidrsOverlap(cidr, linkLocal)) return [];
    return [
      hit(
        PATH,
        `IPPool CIDR overlaps with IPv${cidr.family} Link Local range ${formatCidr(linkLocal)}: ${formatCidr(cidr)} ` +
          `${cidr.prefix <= linkLocal.prefix ? 'contains' : 'lies inside'} it. Choose a range outside ${formatCidr(linkLocal)}.`,
      ),
    ];
  },
});
