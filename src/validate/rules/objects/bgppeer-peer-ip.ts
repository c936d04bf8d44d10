import { parseIp } from '../../../core/net';
import { nonEmptyStringAt } from '../../../util/json';
import { defineRule, hit } from '../../rule';
import { BGPPEER } from '../../../core/calico';
import { quoteText } from './support/describe';
import { parsePeerIp } from './support/peer-ip';

export const bgppeerPeerIp = defineRule({
  scope: 'object',
  id: 'bgppeer-peer-ip',
  severity: 'error',
  description: 'BGPPeer peerIP is an IP, IPv4:port or [IPv6]:port with port 1–65535',
  kinds: [BGPPEER],
  check({ spec }) {
    const text = nonEmptyStringAt(spec, 'peerIP');
    if (text === undefined) return [];
    const parsed = parsePeerIp(text);
    if (parsed.ok) return [];
    return [
      hit(
        '/spec/peerIP',
        `PeerIP value is invalid: ${quoteText(text)} — ${parsed.reason}. It should either be "<IP>" or ` +
          '"<IPv4>:<port>" or "[<IPv6>]:<port>" (port 1–65535); hostnames, CIDRs and zones are not accepted.',
      ),
    ];
  },
});

/** `2001:db8::1:179`: valid as an address, so Calico peers with ...:1:179 on port 179 — rarely meant. */
function looksLikeUnbracketedPort(text: string): { address: string; port: string } | undefined {
  const match = /^(.*::.*):(\d{1,5})$/.exec(text);
  if (!match) return undefined;
  const [, address, port] = match;
  const portNumber = Number(port);
  if (portNumber < 1 || portNumber > 65535 || !parseIp(address).ok) return undefined;
  return { address, port };
}

export const bgppeerPeerIpUnbracketedPort = defineRule({
  scope: 'object',
  id: 'bgppeer-peer-ip-unbracketed-port',
  severity: 'warning',
  description: 'BGPPeer peerIP is not an IPv6 address with a port written without brackets',
  kinds: [BGPPEER],
  check({ spec }) {
    const text = nonEmptyStringAt(spec, 'peerIP');
    if (text === undefined) return [];
    const parsed = parsePeerIp(text);
    if (!parsed.ok || parsed.ip.family !== 6 || parsed.bracketed) return [];
    const split = looksLikeUnbracketedPort(text);
    if (!split) return [];
    return [
      hit(
        '/spec/peerIP',
        `peerIP ${quoteText(text)} is read by Calico as the IPv6 address ${text} on the default port, not as ` +
          `${split.address} port ${split.port}. For a port write [${split.address}]:${split.port}; if the address ` +
          'really ends in that group, write it without "::" to silence this warning.',
      ),
    ];
  },
});
