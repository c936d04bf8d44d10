import { type Hit, pointer } from '../../../core/findings';
import { arrayAt, isMap, isSet, own } from '../../../util/json';
import { communityProblem } from './support/community';
import { definedCommunityNames, referencedCommunities } from './support/communities';
import { defineRule, hit } from '../../rule';
import { BGPCONFIGURATION } from '../../../core/calico';
import { quoteText } from './support/describe';
import { resourceNameProblem } from './support/names';

function checkCommunity(entry: unknown, i: number, seen: Set<string>): Hit[] {
  if (!isMap(entry)) return [];
  const hits: Hit[] = [];
  const name = own(entry, 'name');
  if (!isSet(name) || name === '') {
    hits.push(hit(pointer('spec', 'communities', i, 'name'), 'communities[].name is required: give the community a name to use in prefixAdvertisements.'));
  } else if (typeof name === 'string') {
    const problem = resourceNameProblem(name);
    if (problem) hits.push(hit(pointer('spec', 'communities', i, 'name'), `community name ${quoteText(name)} is invalid: ${problem}.`));
    if (seen.has(name)) {
      hits.push(
        hit(pointer('spec', 'communities', i, 'name'), `community name ${quoteText(name)} is defined twice; Calico uses the first definition.`, 'warning'),
      );
    }
    seen.add(name);
  }
  const value = own(entry, 'value');
  if (!isSet(value) || value === '') {
    hits.push(hit(pointer('spec', 'communities', i, 'value'), 'communities[].value is required: a standard community aa:nn or a large community aa:nn:mm.'));
  } else if (typeof value === 'string') {
    const problem = communityProblem(value);
    if (problem) {
      hits.push(hit(pointer('spec', 'communities', i, 'value'), `invalid community value or format used: ${quoteText(value)} — ${problem}.`));
    }
  }
  return hits;
}

export const bgpconfigCommunity = defineRule({
  scope: 'object',
  id: 'bgpconfig-community',
  severity: 'error',
  alsoAs: ['warning'],
  description: 'BGPConfiguration communities have a valid name and an aa:nn (16-bit) or aa:nn:mm (32-bit) value',
  kinds: [BGPCONFIGURATION],
  check({ spec }) {
    const seen = new Set<string>();
    return (arrayAt(spec, 'communities') ?? []).flatMap((entry, i) => checkCommunity(entry, i, seen));
  },
});

export const bgpconfigCommunityUnused = defineRule({
  scope: 'object',
  id: 'bgpconfig-community-unused',
  severity: 'error',
  alsoAs: ['warning'],
  description: 'BGPConfiguration communities are used by prefixAdvertisements',
  kinds: [BGPCONFIGURATION],
  check({ spec }) {
    const communities = arrayAt(spec, 'communities') ?? [];
    if (communities.length === 0) return [];
    if ((arrayAt(spec, 'prefixAdvertisements') ?? []).length === 0) {
      return [
        hit(
          '/spec/communities',
          'communities are defined but not used in Spec.PrefixAdvertisement[]: add prefixAdvertisements that ' +
            'reference them, or remove communities.',
        ),
      ];
    }
    const used = referencedCommunities(spec);
    const hits: Hit[] = [];
    definedCommunityNames(spec).forEach((name) => {
      if (used.has(name)) return;
      const i = communities.findIndex((c) => own(c, 'name') === name);
      hits.push(
        hit(pointer('spec', 'communities', i, 'name'), `community ${quoteText(name)} is defined but no prefixAdvertisement uses it.`, 'warning'),
      );
    });
    return hits;
  },
});
