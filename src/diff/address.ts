/**
 * IP addresses and CIDRs in canonical form, as Calico stores them (Go's net.IP String(), a CIDR as
 * its network). Parsed by the validator's Go-exact parser: ipaddr.js reads `010.0.0.1` as octal.
 */
import { cidrsOverlap as overlap, formatCidr, formatIp, parseCidr, parseIp } from '../validate/net';

export function canonicalAddress(text: string): string {
  if (text.includes('/')) {
    const cidr = parseCidr(text);
    return cidr.ok ? formatCidr(cidr.value) : text;
  }
  const ip = parseIp(text);
  // not an address: compared as written
  return ip.ok ? formatIp(ip.value) : text;
}

/** Whether two CIDRs share any address (an IPv4 and an IPv6 CIDR never do). */
export function cidrsOverlap(a: string, b: string): boolean {
  const [first, second] = [parseCidr(a), parseCidr(b)];
  return first.ok && second.ok && first.value.family === second.value.family && overlap(first.value, second.value);
}
