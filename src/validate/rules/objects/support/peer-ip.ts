/**
 * BGPPeer `peerIP`: `<IP>`, `<IPv4>:<port>` or `[<IP>]:<port>`, as Calico's processIPPort reads it.
 * Only text shaped like address-plus-port is split; anything else must be a bare address, which is
 * why `2001:db8::1:179` is taken as an IPv6 address and its "port" silently ignored.
 */
import { parseIp, type IpAddress } from '../../../../core/net';

export type PeerIpParse =
  | { ok: true; ip: IpAddress; host: string; port?: number; bracketed: boolean }
  | { ok: false; reason: string };

// Calico's pattern uses unescaped dots, so any character separates the IPv4 digit groups.
const IPV4_WITH_PORT = /^(\d+).(\d+).(\d+).(\d+):(\d+)$/;
const BRACKETED_WITH_PORT = /^\[([0-9a-fA-F:.]+)\]:(\d+)$/;

export function parsePeerIp(text: string): PeerIpParse {
  let host = text;
  let port: number | undefined;
  const bracketed = BRACKETED_WITH_PORT.exec(text);
  if (bracketed || IPV4_WITH_PORT.test(text)) {
    const colon = text.lastIndexOf(':');
    host = bracketed ? bracketed[1] : text.slice(0, colon);
    const portText = text.slice(colon + 1);
    port = Number(portText);
    if (port < 1 || port > 65535) {
      return { ok: false, reason: `port ${portText} is outside 1–65535` };
    }
  }
  const ip = parseIp(host);
  if (!ip.ok) {
    const what = host === text ? 'not an IP address' : `${JSON.stringify(host)} is not an IP address`;
    return { ok: false, reason: `${what} (${ip.reason})` };
  }
  return { ok: true, ip: ip.value, host, port, bracketed: bracketed !== null };
}
