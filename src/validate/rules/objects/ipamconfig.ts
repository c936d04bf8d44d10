import { integerAt } from '../../../util/json';
import { defineRule, hit } from '../../rule';
import { IPAMCONFIG } from '../../../core/calico';
import { quoteText } from './support/describe';
import { integerRangeRule } from './support/range-rule';

export const ipamconfigName = defineRule({
  scope: 'object',
  id: 'ipamconfig-name',
  severity: 'error',
  description: 'IPAMConfig is named default (the only one Calico reads)',
  kinds: [IPAMCONFIG],
  check({ name }) {
    if (name === undefined || name === 'default') return [];
    return [
      hit(
        '/metadata/name',
        `IPAMConfig must be named default: calicoctl refuses ${quoteText(name)} and Calico IPAM only ever reads ` +
          'IPAMConfig default, so these settings would be ignored.',
      ),
    ];
  },
});

export const ipamconfigMaxBlocksPerHost = integerRangeRule({
  id: 'ipamconfig-max-blocks-per-host',
  kinds: [IPAMCONFIG],
  field: 'maxBlocksPerHost',
  min: 0n,
  max: 2147483647n,
  description: 'IPAMConfig maxBlocksPerHost is 0 (unlimited) to 2147483647',
  advice: '0 means no limit; with strictAffinity each node can hold at most this many blocks.',
});

const V3_CAP = 1_000_000n;

export const ipamconfigMaxBlocksPerHostCap = defineRule({
  scope: 'object',
  id: 'ipamconfig-max-blocks-per-host-cap',
  severity: 'info',
  description: 'IPAMConfig maxBlocksPerHost stays within the 1,000,000 cap of later projectcalico.org/v3 CRDs',
  kinds: [IPAMCONFIG],
  check({ spec }) {
    const value = integerAt(spec, 'maxBlocksPerHost');
    if (value === undefined || value <= V3_CAP || value > 2147483647n) return [];
    return [
      hit(
        '/spec/maxBlocksPerHost',
        `maxBlocksPerHost ${value} is accepted by Calico 3.30, but later projectcalico.org/v3 CRDs cap it at 1000000; use 0 for unlimited.`,
      ),
    ];
  },
});
