// calico-gen diff --live-file with the live IPAM state in the dump: the real CLI refuses to delete a
// pool whose blocks still hold pods' addresses, and says so once; without the IPAM state in the
// dump it falls back to the guess and says the IPAM refusals were not checked.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { KubeObject } from '../../src/core/kube';
import { block, node, pool } from '../ipam/support';
import { kubectlYaml } from '../support/ipam/kubectl-format';
import { helmOwned } from '../diff/helpers';
import { cliEnv, runCli } from './support/cli';
import { CLUSTER, desiredCluster } from './support/planted';

describe('calico-gen diff --live-file with the live IPAM state', () => {
  let home: string;
  let deployed: KubeObject[];

  before(async () => {
    home = mkdtempSync(join(tmpdir(), 'calico-gen-diff-ipam-'));
    // the release as deployed, with a pool it has since dropped from the definition
    deployed = [...(await desiredCluster()).manifests.map(helmOwned), helmOwned(pool('ipv4-old', '10.70.0.0/24', 26) as unknown as KubeObject)];
  });

  after(() => rmSync(home, { recursive: true, force: true }));

  const diff = (objects: unknown[], name: string) => {
    const file = join(home, name);
    writeFileSync(file, kubectlYaml(objects as Record<string, unknown>[]));
    return runCli(['diff', '--cluster', CLUSTER, '--live-file', file, '--format', 'json'], cliEnv(home));
  };

  test('the release deletes a pool whose block holds two pods: an error, exit 1', async () => {
    const ipam = [node('worker-1'), node('worker-2'), block('10.70.0.0/26', { affinity: 'host:worker-1', pods: { 0: undefined, 1: 'worker-2' } })];
    const r = await diff([...deployed, ...ipam], 'in-use.yaml');
    assert.equal(r.code, 1, r.stderr);
    const result = JSON.parse(r.stdout);
    assert.deepEqual(result.changes.map((c: any) => `${c.action} ${c.kind}/${c.name}`), ['delete IPPool/ipv4-old'], 'nodes and IPAM blocks are state, not objects to delete');
    const pools = result.findings.filter((f: any) => f.object === 'IPPool/ipv4-old');
    assert.deepEqual(pools.map((f: any) => `${f.rule} ${f.severity}`), ['ippool-removed-in-use error']);
    assert.match(pools[0].message, /holding 2 addresses \(2 pods\) still allocated/);
  });

  test('the pool holds no address any more: the delete is safe, nothing to say', async () => {
    const r = await diff([...deployed, node('worker-1'), block('10.70.0.0/26', { affinity: 'host:worker-1' })], 'idle.yaml');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).findings.filter((f: any) => f.object === 'IPPool/ipv4-old' || f.rule === 'live-ipam-not-read'), []);
  });

  test('a dump without the IPAM state: the guess, and a note that the IPAM refusals were not checked', async () => {
    const r = await diff(deployed, 'no-ipam.yaml');
    assert.equal(r.code, 0, r.stderr);
    const rules = JSON.parse(r.stdout).findings.map((f: any) => `${f.rule} ${f.severity} ${f.object}`);
    assert.ok(rules.includes('ippool-delete-enabled warning IPPool/ipv4-old'), rules.join('\n'));
    assert.ok(rules.includes('live-ipam-not-read info IPAMBlock/*'), rules.join('\n'));
  });
});
