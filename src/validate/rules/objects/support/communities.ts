import { arrayAt, own, type JsonMap } from '../../../../util/json';

/** Names defined in spec.communities (string names only). */
export function definedCommunityNames(spec: JsonMap): string[] {
  return (arrayAt(spec, 'communities') ?? [])
    .map((c) => own(c, 'name'))
    .filter((name): name is string => typeof name === 'string' && name !== '');
}

/** Every string in prefixAdvertisements[].communities. */
export function referencedCommunities(spec: JsonMap): Set<string> {
  const used = new Set<string>();
  for (const advertisement of arrayAt(spec, 'prefixAdvertisements') ?? []) {
    for (const community of arrayAt(advertisement, 'communities') ?? []) {
      if (typeof community === 'string') used.add(community);
    }
  }
  return used;
}
