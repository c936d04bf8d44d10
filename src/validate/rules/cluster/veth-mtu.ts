import { defineRule } from '../../rule';
import { poolsOf, valueAt } from './view';

/** Linux bounds for a veth (ETH_MIN_MTU, ETH_MAX_MTU) and IPv6's minimum link MTU (RFC 8200). */
const MIN_MTU = 68;
const MAX_MTU = 65535;
const MIN_IPV6_MTU = 1280;

export const vethMtuRange = defineRule({
  scope: 'cluster',
  id: 'veth-mtu-range',
  severity: 'error',
  description: `veth_mtu is "0" (auto-detect) or ${MIN_MTU}–${MAX_MTU}, and at least ${MIN_IPV6_MTU} when the cluster has an IPv6 pool`,
  check(cluster) {
    const raw = valueAt(cluster.values, 'veth_mtu');
    const text = typeof raw === 'number' ? String(raw) : raw;
    if (typeof text !== 'string' || !/^\d+$/.test(text)) return []; // the schema reports other shapes
    const mtu = Number(text);
    if (mtu === 0) return [];
    const ipv6 = poolsOf(cluster).some((p) => p.cidr.family === 6 && !p.disabled);
    const minimum = ipv6 ? MIN_IPV6_MTU : MIN_MTU;
    if (mtu >= minimum && mtu <= MAX_MTU) return [];
    const why = mtu > MAX_MTU
      ? `above the largest MTU Linux allows on a veth (${MAX_MTU})`
      : ipv6 && mtu >= MIN_MTU
        ? `below ${MIN_IPV6_MTU}, the minimum IPv6 needs: the kernel turns IPv6 off on the pods' interfaces`
        : `below the smallest MTU Linux allows (${MIN_MTU})`;
    return [
      {
        object: 'values',
        path: '/veth_mtu',
        message: `veth_mtu ${JSON.stringify(text)} is ${why}; use "0" to auto-detect, or the host network's MTU minus any encapsulation overhead (e.g. "1500", "1460")`,
      },
    ];
  },
});
