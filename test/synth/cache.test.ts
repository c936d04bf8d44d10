import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { clusterSource, defineModule, fleetProject, runCli } from '../support/cli';

/** Three clusters, two of which import a shared router module. */
function fleet(): string {
  const routers = `import { defineRouter } from ${JSON.stringify(defineModule)};
export const routers = [defineRouter({ name: 'cr1-ams', ipv4: '192.0.2.1', ipv6: '2001:db8:a00:ffff::1', nodeSelector: "region == 'ams'" })];
`;
  const usingRouters = (name: string, as: number, v4: string, v6: string) =>
    `import { routers } from './shared/routers';\n` +
    clusterSource(name, '', { asNumber: as, v4, v6 }).replace(/peers: \[.*\],/, 'peers: routers,');
  return fleetProject({
    'shared/routers.ts': routers,
    'ams-a.ts': usingRouters('ams-a', 64601, '10.64.0.0/17', '2001:db8:a00:c000::/64'),
    'ams-b.ts': usingRouters('ams-b', 64602, '10.65.0.0/17', '2001:db8:a00:d000::/64'),
    'fra-c.ts': clusterSource('fra-c', '', { asNumber: 64603, v4: '10.66.0.0/17', v6: '2001:db8:f00:c000::/64' }),
  });
}

const unchanged = (stdout: string) => Number(/\((\d+) unchanged since the last run\)/.exec(stdout)?.[1]);
const edit = (dir: string, file: string, from: string, to: string) => {
  const full = path.join(dir, 'clusters', file);
  const text = fs.readFileSync(full, 'utf8');
  assert.ok(text.includes(from), `${file} has no ${from}`);
  fs.writeFileSync(full, text.replace(from, to));
};
const values = (dir: string, cluster: string) => fs.readFileSync(path.join(dir, 'generated', cluster, 'calico-values.yaml'), 'utf8');

test('only clusters whose inputs changed are synthesised again, and the output follows every change', () => {
  const dir = fleet();
  assert.equal(unchanged(runCli(['synth'], { cwd: dir }).stdout), 0);
  assert.equal(unchanged(runCli(['synth'], { cwd: dir }).stdout), 3);

  edit(dir, 'fra-c.ts', "cidr: '10.66.0.0/17'", "cidr: '10.66.0.0/16'");
  const afterCluster = runCli(['synth'], { cwd: dir });
  assert.equal(unchanged(afterCluster.stdout), 2, afterCluster.stdout);
  assert.match(values(dir, 'fra-c'), /10\.66\.0\.0\/16/);

  edit(dir, 'shared/routers.ts', "ipv4: '192.0.2.1'", "ipv4: '192.0.2.9'");
  const afterShared = runCli(['synth'], { cwd: dir });
  assert.equal(unchanged(afterShared.stdout), 1, afterShared.stdout);
  assert.match(values(dir, 'ams-a'), /192\.0\.2\.9/);
  assert.match(values(dir, 'ams-b'), /192\.0\.2\.9/);
});

test('a cached run gives byte-for-byte what --no-cache gives, findings included', () => {
  const dir = fleet();
  runCli(['synth'], { cwd: dir });
  // a fleet-wide finding must still appear when both clusters come from the cache
  edit(dir, 'ams-b.ts', "cidr: '10.65.0.0/17'", "cidr: '10.64.64.0/18'");
  const fresh = runCli(['validate', '--format', 'json', '--no-cache'], { cwd: dir });
  runCli(['validate'], { cwd: dir });
  const cached = runCli(['validate', '--format', 'json'], { cwd: dir });
  assert.equal(cached.stdout, fresh.stdout);
  assert.match(cached.stdout, /"rule": "pool-overlap"/);
});

test('a generated file edited by hand is rewritten even when its cluster is cached', () => {
  const dir = fleet();
  runCli(['synth'], { cwd: dir });
  const file = path.join(dir, 'generated', 'ams-a', 'calico-values.yaml');
  const original = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, original.replace('PeerAS: 65000', 'PeerAS: 1'));
  const check = runCli(['synth', '--check'], { cwd: dir });
  assert.equal(check.status, 1);
  assert.match(check.stdout, /^\+PeerAS: 65000$/m);
  runCli(['synth'], { cwd: dir });
  assert.equal(fs.readFileSync(file, 'utf8'), original);
});

test('a generated file edited by hand is rewritten also when the cache never held its content', () => {
  const dir = fleet();
  runCli(['synth'], { cwd: dir });
  // a cold cache over an up-to-date generated/: the records need not keep the files
  fs.rmSync(path.join(dir, 'node_modules', '.cache'), { recursive: true });
  assert.equal(unchanged(runCli(['synth'], { cwd: dir }).stdout), 0);
  const file = path.join(dir, 'generated', 'ams-b', 'manifests.yaml');
  const original = fs.readFileSync(file, 'utf8');
  assert.ok(original.includes('peerIP: "192.0.2.1"'));
  fs.writeFileSync(file, original.replace('peerIP: "192.0.2.1"', 'peerIP: "192.0.2.7"'));
  const check = runCli(['synth', '--check'], { cwd: dir });
  assert.equal(check.status, 1);
  assert.match(check.stdout, /^\+  peerIP: "192\.0\.2\.1"$/m);
  const again = runCli(['synth'], { cwd: dir });
  assert.equal(unchanged(again.stdout), 3, again.stdout);
  assert.equal(fs.readFileSync(file, 'utf8'), original);
});
