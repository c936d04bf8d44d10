// The page as text: self-contained, every pool and the legend present, the fleet sorted by
// headroom, a cell per slot for a small pool and a compressed map for an IPv6 /64.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseLiveIpam, ipamPage, readIpamDump, type IpamPageCluster } from '../../src/ipam';
import { MAX_CELLS } from '../../src/ipam/html-map';
import { kubectlYaml } from '../support/ipam/kubectl-format';
import { scenarioCluster } from '../support/ipam/presets';
import { block, node, pool, stateOf } from './support';

function pageCluster(name: string, state: ReturnType<typeof stateOf>): IpamPageCluster {
  const analysis = analyseLiveIpam(state, { cluster: name });
  return { cluster: name, figures: analysis.figures, maps: analysis.maps };
}

const scenario = pageCluster('ams-main', readIpamDump(kubectlYaml(scenarioCluster().objects), 's.yaml', 'ams-main'));
const small = pageCluster('fra-edge', stateOf([node('a'), node('b'), pool('edge', '10.9.0.0/24', 28), block('10.9.0.0/28', { affinity: 'host:a', pods: { 0: undefined } }), block('10.9.0.16/28', { affinity: 'host:b' })]));
const html = ipamPage([scenario, small, { cluster: 'lon-main', error: 'connection refused by 10.0.0.1:6443' }]);

test('the page is self-contained: no script, no stylesheet or image fetched, no external URL', () => {
  assert.match(html, /^<!DOCTYPE html>/);
  assert.doesNotMatch(html, /<script|<link|<img|<iframe|url\(|@import|src=/i);
  const urls = new Set(html.match(/[a-z]+:\/\/[^"\s<]*/gi));
  assert.deepEqual([...urls], ['http://www.w3.org/2000/svg'], 'only the SVG namespace, which is a name, not a fetch');
});

test('every pool has a section with its map, the legend lists every state, an unreachable cluster says why', () => {
  for (const pool of ['gpu-ipv4', 'ipv4', 'ipv6']) assert.match(html, new RegExp(`<section class="pool" data-cluster="ams-main" data-pool="${pool}">.*?<svg`));
  assert.match(html, /<section class="pool" data-cluster="fra-edge" data-pool="edge">/);
  for (const state of ['free', 'claimed', 'gone', 'other', 'unaffined', 'gap']) assert.match(html, new RegExp(`<li data-state="${state}">`));
  assert.match(html, /<section class="cluster" data-cluster="lon-main"><h2>Cluster lon-main<\/h2><p class="error">not read: connection refused by 10\.0\.0\.1:6443<\/p>/);
});

test('the fleet table lists pools with the least headroom first', () => {
  const rows = [...html.matchAll(/<tr data-cluster="([^"]+)" data-pool="([^"]+)">.*?data-field="nodesThatCanStillJoin">(\d+)</g)].map((m) => ({ row: `${m[1]}/${m[2]}`, room: BigInt(m[3]!) }));
  assert.deepEqual(rows.map((r) => r.row), ['fra-edge/edge', 'ams-main/gpu-ipv4', 'ams-main/ipv4', 'ams-main/ipv6']);
  for (let i = 1; i < rows.length; i++) assert.ok(rows[i - 1]!.room <= rows[i]!.room);
});

test('a small pool gets one cell per slot; an IPv6 /64 of /122 blocks is drawn compressed, never slot by slot', () => {
  const edge = html.slice(html.indexOf('<section class="pool" data-cluster="fra-edge" data-pool="edge">'));
  assert.equal((edge.slice(0, edge.indexOf('</svg>')).match(/<rect /g) ?? []).length, 16);
  assert.match(edge, /<title>10\.9\.0\.0\/28: claimed by a node, node a, 1 of 16 addresses in use<\/title>/);
  assert.match(edge, /<title>10\.9\.0\.32\/28: free<\/title>/);
  const ipv6 = html.slice(html.indexOf('<section class="pool" data-cluster="ams-main" data-pool="ipv6">'));
  const cells = (ipv6.slice(0, ipv6.indexOf('</svg>')).match(/<rect /g) ?? []).length;
  const blocks = scenario.maps!.find((m) => m.pool === 'ipv6')!.cells.length;
  assert.ok(cells > blocks && cells <= 2 * blocks + 1 && cells <= MAX_CELLS, `${cells} cells for ${blocks} blocks`);
  assert.match(ipv6, /288230376151711744 slots, too many to draw one by one: the \d+ taken ones are shown in address order/);
  assert.match(ipv6, /class="s-gap"><title>\d+ free slots/);
});
