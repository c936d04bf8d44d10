/**
 * A cluster's `site` names the region its nodes run in: they carry the well-known label
 * topology.kubernetes.io/region=<site>, as the example fleet's router selectors assume. A router
 * whose nodeSelector cannot pick such a node is another site's; when every router of the cluster is
 * another site's, the nodes peer with nothing.
 */
import { mayMatchLabels, parseSelector } from '../../../core/selector';
import { stringAt } from '../../../util/json';
import { defineRule } from '../../rule';
import { REGION_LABEL, nameOf } from '../../../core/kube';
import { calicoObjects, specOf } from './view';

// a fleet's clusters share a few dozen router selectors: each is judged once per site
const judged = new Map<string, boolean>();

/** Whether the peer may apply to some node of the site: a node-specific peer or an unreadable selector is given the benefit of the doubt. */
function mayPeerInSite(peer: unknown, site: string): boolean {
  const spec = specOf(peer);
  if (stringAt(spec, 'node')) return true;
  const selector = stringAt(spec, 'nodeSelector');
  if (selector === undefined || selector.trim() === '') return true;
  const key = `${site}\0${selector}`;
  let may = judged.get(key);
  if (may === undefined) {
    const parsed = parseSelector(selector);
    may = !parsed.ok || mayMatchLabels(parsed.ast, new Map([[REGION_LABEL, site]]));
    if (judged.size < 10_000) judged.set(key, may);
  }
  return may;
}

export const siteWithoutRouter = defineRule({
  scope: 'cluster',
  id: 'site-without-router',
  severity: 'warning',
  description: "A cluster that peers with routers has one whose nodeSelector can select a node of its site (nodes labelled topology.kubernetes.io/region=<site>)",
  check(cluster) {
    if (!cluster.site) return [];
    const peers = calicoObjects(cluster, 'BGPPeer');
    if (peers.length === 0 || peers.some((peer) => mayPeerInSite(peer, cluster.site!))) return [];
    const routers = [...new Set(peers.map((peer) => (nameOf(peer) ?? '').replace(/-ipv[46]$/, '')))];
    const example = stringAt(specOf(peers[0]), 'nodeSelector');
    return [{
      object: 'ClusterDefinition',
      path: '/site',
      message:
        `the cluster's site is ${JSON.stringify(cluster.site)}, so its nodes carry ${REGION_LABEL}=${cluster.site}, but no router's nodeSelector can select such a node ` +
        `(${routers.length} router${routers.length === 1 ? '' : 's'}: ${routers.slice(0, 4).join(', ')}${routers.length > 4 ? ', ...' : ''}; ${routers[0]} selects ${example}): ` +
        "the nodes peer with no router, and pods are unreachable from outside the cluster; give the cluster its site's routers, or correct site",
    }];
  },
});
