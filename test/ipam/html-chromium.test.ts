// The page in a real headless Chromium: it loads with no console error and no request beyond the
// file, the screenshot is not blank, every pool and the legend are on it, and every number in its
// tables is the JSON figure.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { analyseLiveIpam, clusterLiveJson, ipamPage, poolLiveJson, readIpamDump, type IpamPageCluster } from '../../src/ipam';
import { chromiumMissing, launchChromium } from '../support/chromium';
import { kubectlJson } from '../support/ipam/kubectl-format';
import { generateIpamCluster } from '../support/ipam/cluster';
import { SCENARIO_PLAN } from '../support/ipam/presets';

const skip = chromiumMissing();
const clusters: IpamPageCluster[] = [];
const json: Record<string, { pools: Record<string, Record<string, unknown>>; live: Record<string, unknown> }> = {};
let browser: Browser;
let page: Page;
const problems: string[] = [];
const requests: string[] = [];
let screenshot: Buffer;

before(async () => {
  if (skip) return;
  for (const [name, seed] of [['ams-main', SCENARIO_PLAN.seed], ['fra-main', 7]] as const) {
    const generated = generateIpamCluster({ ...SCENARIO_PLAN, seed, nodes: name === 'fra-main' ? 60 : SCENARIO_PLAN.nodes });
    const analysis = analyseLiveIpam(readIpamDump(kubectlJson(generated.objects), `${name}.json`, name), { cluster: name });
    clusters.push({ cluster: name, figures: analysis.figures, maps: analysis.maps });
    // the JSON as part B's capacity --format json writes it
    json[name] = JSON.parse(JSON.stringify({ pools: Object.fromEntries(analysis.figures.pools.map((p) => [p.pool, poolLiveJson(p)])), live: clusterLiveJson(analysis.figures.live) }));
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calico-gen-ipam-page-'));
  const file = path.join(dir, 'capacity.html');
  fs.writeFileSync(file, ipamPage(clusters));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('console', (message) => { if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`); });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`file://${file}`, { waitUntil: 'load' });
  screenshot = await page.screenshot({ fullPage: false });
  fs.rmSync(dir, { recursive: true, force: true });
});

after(async () => {
  await browser?.close();
});

test('the page loads with no console error and fetches nothing beyond itself', { skip }, () => {
  assert.deepEqual(problems, []);
  assert.equal(requests.length, 1);
  assert.match(requests[0]!, /^file:\/\/.*capacity\.html$/);
});

test('the screenshot is not blank: block maps and tables in several colours', { skip }, () => {
  const image = PNG.sync.read(screenshot);
  const colours = new Set<number>();
  let inked = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    const [r, g, b] = [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
    colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
    if (r + g + b < 720) inked++;
  }
  assert.ok(colours.size >= 8, `${colours.size} colours`);
  assert.ok(inked / (image.width * image.height) > 0.02, `${inked} of ${image.width * image.height} pixels not white`);
});

test('every pool of every cluster has a visible block map, and the legend is visible', { skip }, async () => {
  for (const cluster of clusters) {
    for (const pool of cluster.figures!.pools) {
      const map = page.locator(`section.pool[data-cluster="${cluster.cluster}"][data-pool="${pool.pool}"] svg.map`);
      assert.equal(await map.count(), 1, `${cluster.cluster}/${pool.pool}`);
      const box = await map.boundingBox();
      assert.ok(box && box.width > 0 && box.height > 0, `${cluster.cluster}/${pool.pool} map has no size`);
      assert.ok((await map.locator('rect').count()) > 0);
    }
  }
  assert.ok(await page.locator('#legend').isVisible());
  assert.equal(await page.locator('#legend li').count(), 6);
});

test('the numbers on the page equal the JSON', { skip }, async () => {
  const rows = await page.locator('table.fleet tr[data-pool]').evaluateAll((trs) =>
    trs.map((tr) => ({ cluster: tr.getAttribute('data-cluster')!, pool: tr.getAttribute('data-pool')!, cells: Object.fromEntries([...tr.querySelectorAll('td[data-field]')].map((td) => [td.getAttribute('data-field')!, td.textContent!])) })),
  );
  assert.equal(rows.length, clusters.reduce((sum, c) => sum + c.figures!.pools.length, 0));
  for (const row of rows) {
    const expected = json[row.cluster]!.pools[row.pool]!;
    const { busiestNode, busiestBlocks, ...figures } = row.cells;
    const busiest = expected.maxBlocksOnOneNode as { node: string; blocks: number } | null;
    assert.deepEqual({ busiestNode, busiestBlocks }, { busiestNode: busiest?.node ?? '-', busiestBlocks: busiest ? String(busiest.blocks) : '-' });
    const { maxBlocksOnOneNode: _m, ...rest } = expected;
    assert.deepEqual(figures, Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, String(v)])), `${row.cluster}/${row.pool}`);
  }
  for (const cluster of clusters) {
    const cells = await page.locator(`table.cluster-live tr[data-cluster="${cluster.cluster}"] td`).evaluateAll((tds) => Object.fromEntries(tds.map((td) => [td.getAttribute('data-field')!, td.textContent!])));
    assert.deepEqual(cells, Object.fromEntries(Object.entries(json[cluster.cluster]!.live).map(([k, v]) => [k, v === null ? '-' : String(v)])));
  }
});

test('hovering a claimed cell names its block, node and counts', { skip }, async () => {
  const title = await page.locator('section.pool[data-pool="ipv4"] rect.s-claimed title').first().textContent();
  assert.match(title!, /^10\.64\.\d+\.\d+\/26: claimed by a node, node worker-\d{4}, \d+ of 64 addresses in use$/);
});
