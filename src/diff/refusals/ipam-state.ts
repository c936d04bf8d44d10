/** What the diff says when pools change but the live IPAM state was not read (a dump without it). */
import type { Check, Finding } from '../../core/findings';
import { CALICO_GROUP } from '../../core/calico';
import { kindKey } from '../../core/kube';
import type { RefusalContext } from './refusal';

export const liveIpamNotRead: Check = {
  id: 'live-ipam-not-read',
  severity: 'info',
  description: 'IP pools or IPAMConfig change but the live IPAM state (nodes, blocks) was not read, so the IPAM refusals were not checked',
};

const IPAM_OBJECTS = new Set([`${CALICO_GROUP}/IPPool`, `${CALICO_GROUP}/IPAMConfig`]);

/** Only changes the release makes count: Helm leaves a live pool it does not own as it is. */
export function ipamNotRead(cluster: string, context: RefusalContext): Finding[] {
  const changed = context.pairs.filter((pair) => pair.action !== 'unchanged' && IPAM_OBJECTS.has(kindKey((pair.desired ?? pair.live)!)) && (pair.action !== 'delete' || context.ownership.inRelease(pair.live!)));
  if (changed.length === 0) return [];
  const objects = changed.map((pair) => `${pair.action} ${(pair.desired ?? pair.live)!.kind}/${(pair.desired ?? pair.live)!.metadata.name}`).join(', ');
  return [{
    rule: liveIpamNotRead.id,
    severity: liveIpamNotRead.severity,
    cluster,
    object: 'IPAMBlock/*',
    path: '',
    message: `the live state holds no Nodes and IPAMBlocks, so whether pods still hold addresses of the changed pools (${objects}) is not checked (ippool-removed-in-use, ippool-over-foreign-blocks, ippool-disabled-in-use, ippool-too-small-for-live, strict-affinity-borrowed): add nodes,ipamblocks.crd.projectcalico.org,blockaffinities.crd.projectcalico.org,ipamhandles.crd.projectcalico.org to the kubectl get command that made the dump`,
  }];
}
