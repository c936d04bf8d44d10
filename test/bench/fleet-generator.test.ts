/**
 * The benchmark's fleet generator keeps producing what the benchmark claims to measure: a fleet
 * that synthesises cleanly, 70 shared routers, 140 BGPPeers per cluster, distinct pools and AS numbers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { generateFleet } from '../../bench/fleet/generator';
import { privateAsNumber, ROUTER_AS_NUMBER } from '../../bench/fleet/clusters';
import { projectRoot, runCli, tempDir } from '../support/cli';
import type { KubeObject } from '../../src/core/kube';

test('a generated 3-cluster fleet synthesises cleanly, each cluster peering with all 70 routers on both families', (t) => {
  const dir = tempDir('bench-fleet');
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const fleet = generateFleet({ dir: path.join(dir, 'fleet'), clusters: 3, projectRoot });
  assert.equal(new Set(fleet.routers.map((r) => r.name)).size, 70);

  const result = runCli(['synth', '--format', 'json'], { cwd: fleet.dir });
  assert.equal(result.status, 0, result.stderr);
  assert.doesNotMatch(result.stderr, /"severity":\s*"error"/);

  const routerAddresses = fleet.routers.flatMap((r) => [r.ipv4, r.ipv6]).sort();
  for (const cluster of fleet.clusters) {
    const text = fs.readFileSync(path.join(fleet.dir, 'generated', cluster.name, 'manifests.yaml'), 'utf8');
    const objects = parseAllDocuments(text).map((d) => d.toJS() as KubeObject);
    const peers = objects.filter((o) => o.kind === 'BGPPeer');
    assert.equal(peers.length, 140, `${cluster.name}: BGPPeers`);
    assert.deepEqual(peers.map((p) => String(p.spec!.peerIP)).sort(), routerAddresses, `${cluster.name}: one peer per router address`);
    assert.ok(objects.length >= 160 && objects.length <= 180, `${cluster.name}: ${objects.length} objects, the issue's clusters have about 170`);
    const pools = objects.filter((o) => o.kind === 'IPPool').map((o) => o.spec!.cidr);
    assert.deepEqual(pools.sort(), [cluster.ipv4Cidr, cluster.ipv6Cidr].sort(), `${cluster.name}: dual-stack pools`);
  }
  assert.equal(new Set(fleet.clusters.map((c) => c.ipv4Cidr)).size, 3);
  assert.equal(new Set(fleet.clusters.map((c) => c.asNumber)).size, 3);
});

test('private AS numbers stay distinct, private, and clear of the routers\' AS at fleet scale', () => {
  const numbers = Array.from({ length: 1500 }, (_, i) => privateAsNumber(i));
  assert.equal(new Set(numbers).size, numbers.length);
  assert.ok(!numbers.includes(ROUTER_AS_NUMBER));
  for (const n of numbers) assert.ok((n >= 64512 && n <= 65534) || (n >= 4_200_000_000 && n <= 4_294_967_294), `${n} is not private`);
});
