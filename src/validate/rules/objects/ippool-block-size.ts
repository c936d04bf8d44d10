import { formatCidr } from '../../../core/net';
import { integerAt } from '../../../util/json';
import { defineRule, hit } from '../../rule';
import { IPPOOL, BLOCK_SIZE_RANGE, DEFAULT_BLOCK_SIZE } from '../../../core/calico';
import { effectiveBlockSize, isDisabled, poolCidr } from './support/pool';

export const ippoolBlockSize = defineRule({
  scope: 'object',
  id: 'ippool-block-size',
  severity: 'error',
  description: 'IPPool blockSize is 20–32 for IPv4 and 116–128 for IPv6',
  kinds: [IPPOOL],
  check({ spec }) {
    const cidr = poolCidr(spec);
    const value = integerAt(spec, 'blockSize');
    if (!cidr || value === undefined || value === 0n) return [];
    const [min, max] = BLOCK_SIZE_RANGE[cidr.family];
    if (value >= BigInt(min) && value <= BigInt(max)) return [];
    const hint =
      cidr.family === 6 && value <= 64n
        ? ' blockSize is the prefix length of each per-node block, not of the pool: for IPv6 it is 116–128 bits.'
        : '';
    return [
      hit(
        '/spec/blockSize',
        `IPv${cidr.family} block size must be between ${min} and ${max}: blockSize is ${value} for ${formatCidr(cidr)}.` +
          `${hint} Omit it for the default ${DEFAULT_BLOCK_SIZE[cidr.family]}.`,
      ),
    ];
  },
});

export const ippoolSmallerThanBlock = defineRule({
  scope: 'object',
  id: 'ippool-smaller-than-block',
  severity: 'error',
  description: 'An enabled IPPool holds at least one block: prefix length ≤ blockSize (defaulted 26 / 122 when omitted)',
  kinds: [IPPOOL],
  check({ spec }) {
    const cidr = poolCidr(spec);
    if (!cidr || isDisabled(spec)) return [];
    const block = effectiveBlockSize(spec, cidr);
    if (!block) return [];
    const [min, max] = BLOCK_SIZE_RANGE[cidr.family];
    // An out-of-range block size is reported by ippool-block-size alone.
    if (block.size < min || block.size > max || cidr.prefix <= block.size) return [];
    const source = block.defaulted ? `the default blockSize ${block.size} (blockSize omitted)` : `blockSize ${block.size}`;
    return [
      hit(
        '/spec/cidr',
        'IP pool size is too small for use with Calico IPAM. It must be equal to or greater than the block size.' +
          ` ${formatCidr(cidr)} is smaller than one /${block.size} block from ${source}. ` +
          `Use a /${block.size} or larger pool, or set blockSize to ${cidr.prefix}–${max}.`,
      ),
    ];
  },
});
