import { type Hit, pointer } from '../../../core/findings';
import { formatCidr, isStrictlyMasked, parseCidrOrIp } from '../../../core/net';
import { arrayAt, isMap, isSet, own } from '../../../util/json';
import { communityProblem, looksLikeCommunity } from './support/community';
import { definedCommunityNames } from './support/communities';
import { defineRule, hit } from '../../rule';
import { BGPCONFIGURATION } from '../../../core/calico';
import { oneOf, quoteText } from './support/describe';

function checkCidr(entry: Record<string, unknown>, i: number): Hit[] {
  const path = pointer('spec', 'prefixAdvertisements', i, 'cidr');
  const cidr = own(entry, 'cidr');
  if (!isSet(cidr) || cidr === '') return [hit(path, 'prefixAdvertisements[].cidr is required: the prefix the communities apply to.')];
  if (typeof cidr !== 'string') return [];
  const parsed = parseCidrOrIp(cidr);
  if (!parsed.ok) return [hit(path, `invalid CIDR value: ${quoteText(cidr)} — ${parsed.reason}.`)];
  if (isStrictlyMasked(parsed.value)) return [];
  return [hit(path, `prefix ${quoteText(cidr)} is not strictly masked (host bits set): write ${formatCidr(parsed.value)}.`)];
}

function checkCommunities(entry: Record<string, unknown>, i: number, defined: string[]): Hit[] {
  const path = pointer('spec', 'prefixAdvertisements', i, 'communities');
  const communities = own(entry, 'communities');
  if (!isSet(communities) || (Array.isArray(communities) && communities.length === 0)) {
    return [hit(path, 'prefixAdvertisements[].communities is required: list community values (aa:nn, aa:nn:mm) or names from spec.communities.')];
  }
  if (!Array.isArray(communities)) return [];
  const hits: Hit[] = [];
  communities.forEach((community, j) => {
    if (typeof community !== 'string') return;
    if (looksLikeCommunity(community)) {
      const problem = communityProblem(community);
      if (problem) hits.push(hit(`${path}/${j}`, `invalid community value ${quoteText(community)}: ${problem}.`));
    } else if (!defined.includes(community)) {
      const known = defined.length ? `defined names are ${oneOf(defined)}` : 'spec.communities defines no names';
      hits.push(
        hit(`${path}/${j}`, `community used is invalid or not defined: ${quoteText(community)} is neither aa:nn, aa:nn:mm nor a community name (${known}).`),
      );
    }
  });
  return hits;
}

export const bgpconfigPrefixAdvertisement = defineRule({
  scope: 'object',
  id: 'bgpconfig-prefix-advertisement',
  severity: 'error',
  description: 'BGPConfiguration prefixAdvertisements have a strictly masked cidr and a non-empty list of valid or defined communities',
  kinds: [BGPCONFIGURATION],
  check({ spec }) {
    const defined = definedCommunityNames(spec);
    return (arrayAt(spec, 'prefixAdvertisements') ?? []).flatMap((entry, i) =>
      isMap(entry) ? [...checkCidr(entry, i), ...checkCommunities(entry, i, defined)] : [],
    );
  },
});
