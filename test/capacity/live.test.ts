// capacity --live end to end: the real CLI against the 200-node scenario served by the loopback
// API server (listed page by page), the same cluster listed by the real kubectl into a dump, and
// the generator's own saved dumps: every source gives the same figures, and they are the
// scenario's. Each output format, and the read-only RBAC.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startFakeApiServer, type FakeApiServer } from '../support/fake-apiserver';
import { kubectlJson, kubectlYaml } from '../support/ipam/kubectl-format';
import { kubectlPath } from '../support/k8s-tools';
import { isolatedEnv, runTool } from '../support/run-tool';
import { cliEnv, runCli } from '../live/support/cli';
import { accessOf, grantFor, readerGrants } from '../live/support/rbac';
import { CLUSTER, IPAM_KINDS, liveScenario, withoutSource, type LiveScenario } from './support/live-scenario';

describe('capacity --live on a 200-node cluster', () => {
  let scenario: LiveScenario;
  let server: FakeApiServer;
  let home: string;
  let kubeconfig: string;
  let fromApi: any;

  before(async () => {
    scenario = await liveScenario();
    server = await startFakeApiServer({ objects: scenario.objects });
    home = mkdtempSync(join(tmpdir(), 'calico-gen-capacity-live-'));
    kubeconfig = server.writeKubeconfig(home, CLUSTER);
  });

  after(async () => {
    await server.close();
    rmSync(home, { recursive: true, force: true });
  });

  const capacity = (args: string[]) => runCli(['capacity', '--cluster', CLUSTER, ...args], cliEnv(home));

  test('through the API: the scenario\'s figures, read page by page', async () => {
    const r = await capacity(['--live', '--kubeconfig', kubeconfig, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    fromApi = JSON.parse(r.stdout);
    const [cluster] = fromApi.clusters;
    assert.match(cluster.source, /^context ams-main \(https:\/\/127\.0\.0\.1:\d+\)$/);
    const { facts } = scenario.generated;
    assert.deepEqual(cluster.live, { nodes: 200, orphanedBlocks: facts.orphanedBlocks.length, deletedBlocks: facts.deletedBlocks.length, pendingAffinities: facts.pendingAffinities.length, calicoVersion: '3.30.7' });
    // the definition's pools, then the live pool it does not have
    assert.deepEqual(cluster.pools.map((p: any) => [p.name, p.inDefinition]), [['ipv4', true], ['ipv6', true], ['gpu-ipv4', false]]);
    const ipv4 = cluster.pools[0];
    assert.deepEqual(Object.keys(ipv4.live), ['blocksClaimed', 'blocksFree', 'blocksOtherSize', 'addressesInUse', 'nodesWithBlocks', 'maxBlocksOnOneNode', 'nodesWithoutBlock', 'nodesThatCanStillJoin', 'blocksOfGoneNodes', 'borrowedAddresses']);
    assert.equal(ipv4.live.blocksOtherSize, 1, 'the /28 block in the /26 pool');
    assert.equal(ipv4.live.borrowedAddresses, facts.borrowedAddresses);
    const allocated = cluster.pools.reduce((sum: number, p: any) => sum + p.live.addressesInUse, 0);
    const blocks = scenario.objects.filter((o: any) => o.kind === 'IPAMBlock' && !o.spec.deleted) as any[];
    const inBlocks = blocks.reduce((sum, block) => sum + block.spec.allocations.filter((a: unknown) => a !== null).length, 0);
    // every allocated address lies in a pool, but for the orphaned block's two
    assert.equal(allocated, inBlocks - 2);
    assert.equal(cluster.pools[1].live.blocksFree, String((1n << 58n) - BigInt(cluster.pools[1].live.blocksClaimed)), 'IPv6 counts are exact strings');
    assert.deepEqual(fromApi.summary, { errors: 0, warnings: 0, acknowledged: 0 });
  });

  test('lists are paged with limit and continue, and nothing but lists of what the RBAC grants', () => {
    const blocks = server.requests.filter((q) => q.path === '/apis/crd.projectcalico.org/v1/ipamblocks');
    assert.ok(scenario.generated.facts.blocks > 500, 'the scenario has more blocks than a page holds');
    assert.equal(blocks.length, Math.ceil(scenario.generated.facts.blocks / 500));
    assert.ok(blocks.every((q) => new URLSearchParams(q.query).get('limit') === '500'));
    assert.ok(blocks.slice(1).every((q) => new URLSearchParams(q.query).get('continue')), 'each later page asks with the token of the one before');
    assert.deepEqual(server.writes(), []);
    const grants = readerGrants();
    for (const request of server.requests) {
      const access = accessOf(request.path);
      if (access === 'discovery') continue;
      assert.equal(access.verb, 'list', request.path);
      assert.ok(grantFor(access, grants), `${request.path} is not allowed by deploy/calico-gen-reader-rbac.yaml`);
    }
  });

  test('a dump the real kubectl lists from the same server gives the same figures', async () => {
    const kubectl = (...args: string[]) => runTool(kubectlPath(), ['--kubeconfig', kubeconfig, ...args], isolatedEnv(home));
    const [ipam, calicoNode] = await Promise.all([kubectl('get', IPAM_KINDS, '-o', 'yaml'), kubectl('get', '-n', 'kube-system', 'daemonset', 'calico-node', '-o', 'yaml')]);
    assert.equal(ipam.code, 0, ipam.stderr);
    assert.equal(calicoNode.code, 0, calicoNode.stderr);
    const file = join(home, 'kubectl.yaml');
    writeFileSync(file, `${ipam.stdout}---\n${calicoNode.stdout}`);
    const r = await capacity(['--live-file', file, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const fromKubectl = JSON.parse(r.stdout);
    assert.equal(fromKubectl.clusters[0].source, `file ${file}`);
    assert.deepEqual(withoutSource(fromKubectl), withoutSource(fromApi));
  });

  test('the saved dumps, YAML and JSON, give the same figures', async () => {
    for (const [name, text] of [['saved.yaml', kubectlYaml(scenario.objects)], ['saved.json', kubectlJson(scenario.objects)]] as const) {
      const file = join(home, name);
      writeFileSync(file, text);
      const r = await capacity(['--live-file', file, '--format', 'json']);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(withoutSource(JSON.parse(r.stdout)), withoutSource(fromApi), name);
    }
  });

  test('text: the declared table, the live table, the cluster line and the counts', async () => {
    const r = await capacity(['--live', '--kubeconfig', kubeconfig]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.match(lines[0]!, /^cluster\s+pool\s+cidr\s+blockSize\s+blocks\s+addressesPerBlock\s+blocksPerNode\s+maxNodes\s+expectedNodes\s+utilisation$/);
    assert.match(r.stdout, /^ams-main\s+gpu-ipv4 \(live only\)\s+10\.64\.128\.0\/21\s+27\s+64\s+32\s+4\s+16\s+180\s+-$/m);
    assert.match(r.stdout, /^cluster\s+pool\s+blocksClaimed\s+blocksFree\s+blocksOtherSize\s+addressesInUse\s+nodesWithBlocks\s+maxBlocksOnOneNode\s+nodesWithoutBlock\s+nodesThatCanStillJoin\s+blocksOfGoneNodes\s+borrowedAddresses$/m);
    const ipv4 = fromApi.clusters[0].pools[0].live;
    const busiest = `${ipv4.maxBlocksOnOneNode.node} \\(${ipv4.maxBlocksOnOneNode.blocks}\\)`;
    assert.match(r.stdout, new RegExp(`^ams-main\\s+ipv4\\s+${ipv4.blocksClaimed}\\s+${ipv4.blocksFree}\\s+1\\s+${ipv4.addressesInUse}\\s+${ipv4.nodesWithBlocks}\\s+${busiest}\\s+${ipv4.nodesWithoutBlock}\\s+${ipv4.nodesThatCanStillJoin}\\s+${ipv4.blocksOfGoneNodes}\\s+7$`, 'm'));
    assert.match(r.stdout, /^ams-main: 200 nodes, 1 orphaned block, 1 deleted block, 1 pending affinity, Calico 3\.30\.7; read from context ams-main \(https:\/\/127\.0\.0\.1:\d+\)$/m);
    assert.match(r.stdout, /\n0 errors, 0 warnings\n$/);
  });

  test('markdown: the two tables for a merge request', async () => {
    const r = await capacity(['--live', '--kubeconfig', kubeconfig, '--format', 'markdown']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^\| cluster \| pool \| cidr \| blockSize \|/m);
    assert.match(r.stdout, /^\| --- \| --- \| --- \| ---: \|/m);
    assert.match(r.stdout, /^\| ams-main \| gpu-ipv4 \| 40 \| 24 \| 0 \|/m);
    assert.match(r.stdout, /^- ams-main: 200 nodes, /m);
  });

  test('html: one self-contained page written to --out; without --out, one line and exit 1', async () => {
    const out = join(home, 'capacity.html');
    const r = await capacity(['--live', '--kubeconfig', kubeconfig, '--format', 'html', '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const page = readFileSync(out, 'utf8');
    assert.match(page, /^<!DOCTYPE html>/);
    for (const pool of ['ipv4', 'ipv6', 'gpu-ipv4']) assert.match(page, new RegExp(`<section class="pool" data-cluster="ams-main" data-pool="${pool}">`));
    assert.doesNotMatch(page, /(src|href)="?https?:|<script/);
    const missing = await capacity(['--live', '--kubeconfig', kubeconfig, '--format', 'html']);
    assert.equal(missing.code, 1);
    assert.equal(missing.stdout, '');
    assert.equal(missing.stderr, 'calico-gen: capacity: --format html writes a page: name its file with --out FILE\n');
  });
});
