/** IP addresses and CIDRs in canonical form, as Calico stores them (Go's net.IP String()). */
import * as ipaddr from 'ipaddr.js';

export function canonicalAddress(text: string): string {
  try {
    if (text.includes('/')) {
      const [address, prefix] = ipaddr.parseCIDR(text);
      return `${address.toString()}/${prefix}`;
    }
    if (ipaddr.isValid(text)) return ipaddr.parse(text).toString();
  } catch {
    // not an address: compared as written
  }
  return text;
}

/** Whether two CIDRs share any address (an IPv4 and an IPv6 CIDR never do). */
export function cidrsOverlap(a: string, b: string): boolean {
  try {
    const [addressA, prefixA] = ipaddr.parseCIDR(a);
    const [addressB, prefixB] = ipaddr.parseCIDR(b);
    if (addressA.kind() !== addressB.kind()) return false;
    const shorter = Math.min(prefixA, prefixB);
    return addressA.match(addressB, shorter);
  } catch {
    return false;
  }
}
