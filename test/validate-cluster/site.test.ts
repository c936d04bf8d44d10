/** `site` means the region label of the cluster's nodes; a cluster none of whose routers can peer there is warned about (issue 13 §3). */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mayMatchLabels, parseSelector } from '../../src/core/selector';
import { siteWithoutRouter } from '../../src/validate/rules/cluster/site';
import { clusterSource, fleetProject, runCli } from '../support/cli';
import { calico, clusterOf, withValues } from './support';

const inRegion = new Map([['topology.kubernetes.io/region', 'fra']]);
const may = (selector: string) => {
  const parsed = parseSelector(selector);
  assert.ok(parsed.ok, selector);
  return mayMatchLabels(parsed.ast, inRegion);
};

describe('a selector that may select a node of a site: other labels unknown', () => {
  test('selects: the site named, the site among others, labels it does not mention, all(), a negation of another site', () => {
    for (const selector of [
      "topology.kubernetes.io/region == 'fra'",
      "topology.kubernetes.io/region in {'ams', 'fra'} && topology.kubernetes.io/zone == 'row-c1'",
      "rack == 'r1'",
      'all()',
      "topology.kubernetes.io/region != 'ams'",
      "has(topology.kubernetes.io/region) && !has(gpu)",
      "topology.kubernetes.io/region == 'ams' || rack == 'r1'",
    ]) assert.equal(may(selector), true, selector);
  });
  test('cannot select: another site, a site not among those listed, no region label, a negation of the site', () => {
    for (const selector of [
      "topology.kubernetes.io/region == 'ams'",
      "(topology.kubernetes.io/region == 'ams' && topology.kubernetes.io/zone in {'row-a1'})",
      "topology.kubernetes.io/region in {'ams', 'eqiad'}",
      '!has(topology.kubernetes.io/region)',
      "topology.kubernetes.io/region != 'fra'",
      "topology.kubernetes.io/region starts with 'am'",
    ]) assert.equal(may(selector), false, selector);
  });
});

const router = (name: string, region: string) => ({ ipv4: '192.0.2.1', ipv6: '2001:db8:ffff::1', nodeSelector: `topology.kubernetes.io/region == '${region}'`, name });
const peersOf = (...routers: ReturnType<typeof router>[]) => withValues({ BGPPeers: Object.fromEntries(routers.map(({ name, ...r }) => [name, r])) });

describe('site-without-router', () => {
  test("a cluster in fra whose routers are all ams's: one warning at /site naming the routers", () => {
    const hits = siteWithoutRouter.check({ ...clusterOf(peersOf(router('cr1-ams', 'ams'), router('cr2-ams', 'ams'))), site: 'fra' });
    assert.equal(hits.length, 1);
    assert.deepEqual([hits[0]!.object, hits[0]!.path, hits[0]!.severity], ['ClusterDefinition', '/site', undefined]);
    assert.match(hits[0]!.message, /site is "fra", so its nodes carry topology\.kubernetes\.io\/region=fra, but no router's nodeSelector can select such a node \(2 routers: cr1-ams, cr2-ams; cr1-ams selects topology\.kubernetes\.io\/region == 'ams'\)/);
  });
  test('no warning: one router of the site among others, a peer of every node, a node-specific peer, no peers, no site known (hand-written values)', () => {
    assert.deepEqual(siteWithoutRouter.check({ ...clusterOf(peersOf(router('cr1-ams', 'ams'), router('cr1-fra', 'fra'))), site: 'fra' }), []);
    const everyNode = clusterOf(withValues({ BGPPeers: {} }), { manifests: [calico('BGPPeer', 'spine', { peerIP: '192.0.2.9', asNumber: 65000 })] });
    assert.deepEqual(siteWithoutRouter.check({ ...everyNode, site: 'fra' }), []);
    const oneNode = clusterOf(withValues({ BGPPeers: {} }), { manifests: [calico('BGPPeer', 'tor', { peerIP: '192.0.2.9', asNumber: 65000, node: 'n1' })] });
    assert.deepEqual(siteWithoutRouter.check({ ...oneNode, site: 'fra' }), []);
    assert.deepEqual(siteWithoutRouter.check({ ...clusterOf(withValues({ BGPPeers: {} })), site: 'fra' }), []);
    assert.deepEqual(siteWithoutRouter.check(clusterOf(peersOf(router('cr1-ams', 'ams')))), []);
  });
});

test('a definition whose site has none of its routers: validate warns (exit 0), synth --strict stops', () => {
  const dir = fleetProject({ 'fra-new.ts': clusterSource('fra-new').replace("site: 'ams'", "site: 'fra'") });
  const validate = runCli(['validate'], { cwd: dir });
  assert.equal(validate.status, 0, validate.stderr);
  // at the property that set the site (line 3 of the definition)
  assert.match(validate.stdout, /^clusters\/fra-new\.ts:3:35: warning site-without-router: cluster fra-new ClusterDefinition \/site: the cluster's site is "fra"/m);
  assert.match(validate.stdout, /0 errors, 1 warning$/m);
  const strict = runCli(['synth', '--strict'], { cwd: dir });
  assert.equal(strict.status, 1);
  const fine = fleetProject({ 'ams-new.ts': clusterSource('ams-new') });
  assert.equal(runCli(['validate'], { cwd: fine }).stdout, '0 errors, 0 warnings\n');
});
