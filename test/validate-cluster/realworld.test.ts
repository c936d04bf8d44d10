/**
 * The real fleet in test/fixtures/realworld, layered as its README says, validated as pre-merge CI
 * would. What is really wrong there must be reported, at the line that is wrong, and nothing else.
 *
 * What is wrong (found by reading common-bgp.yaml, which every cluster's calico release gets):
 * - lsw1-c1-codfw has the IPv4 address of lsw1-a1-codfw (10.192.4.1): every other codfw switch has
 *   an address of its own, and two routers cannot share one;
 * - lsw1-c2-codfw has the IPv6 address of lsw1-a1-codfw (2620:0:860:105::1), likewise.
 * Nothing else is wrong: pools and AS numbers are distinct across the 11 clusters, all AS numbers
 * are private, every `~` removes what it should, the selectors parse.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { validateClusters } from '../../src/validate';
import { loadHandWritten, type ClusterFiles } from '../../src/inputs/load';
import { summarise, type Finding } from '../../src/core/findings';
import { realworldValuesDir } from '../support/fixtures';

const valuesDir = realworldValuesDir;
const groups: Record<string, string[]> = {
  main: ['eqiad', 'codfw', 'staging-eqiad', 'staging-codfw'],
  'ml-serve': ['ml-serve-eqiad', 'ml-serve-codfw', 'ml-staging-codfw'],
  'dse-k8s': ['dse-k8s-eqiad', 'dse-k8s-codfw'],
  'aux-k8s': ['aux-k8s-eqiad', 'aux-k8s-codfw'],
};

/** README order: common, common-bgp, group, <cluster>/values.yaml if present, <cluster>/calico-values.yaml. */
function realFleet(extra: ClusterFiles[] = []): ClusterFiles[] {
  const clusters = Object.entries(groups).flatMap(([group, names]) =>
    names.map((name) => ({
      name,
      values: ['common.yaml', 'common-bgp.yaml', `${group}.yaml`, `${name}/values.yaml`, `${name}/calico-values.yaml`].filter((file) => fs.existsSync(path.join(valuesDir, file))),
      manifests: [],
    })),
  );
  return [...clusters, ...extra];
}

function validate(clusters: ClusterFiles[]): Finding[] {
  const inputs = loadHandWritten(clusters, valuesDir);
  return [...inputs.findings, ...validateClusters(inputs.sources)];
}

/** Line of `<field>:` inside the block of router `name` in common-bgp.yaml. */
function routerLine(name: string, field: string): number {
  const lines = fs.readFileSync(path.join(valuesDir, 'common-bgp.yaml'), 'utf8').split('\n');
  const start = lines.findIndex((line) => line.trim() === `${name}:`);
  return start + 1 + lines.slice(start + 1).findIndex((line) => line.trim().startsWith(`${field}:`)) + 1;
}

test('the real fleet: all 11 clusters layered, the two shared router addresses reported and nothing else', () => {
  const clusters = realFleet();
  assert.equal(clusters.length, 11);
  const findings = validate(clusters);
  const expected = clusters.flatMap(({ name }) => [
    ['peer-ip-duplicate', 'error', name!, 'BGPPeer/lsw1-c1-codfw-ipv4', `common-bgp.yaml:${routerLine('lsw1-c1-codfw', 'ipv4')}`],
    ['peer-ip-duplicate', 'error', name!, 'BGPPeer/lsw1-c2-codfw-ipv6', `common-bgp.yaml:${routerLine('lsw1-c2-codfw', 'ipv6')}`],
  ]);
  const actual = findings.map((f) => [f.rule, f.severity, f.cluster, f.object, `${f.source?.file}:${f.source?.line}`]);
  assert.deepEqual(actual.sort(), expected.sort());
  const messages = new Set(findings.map((f) => f.message));
  assert.ok([...messages].some((m) => /lsw1-a1-codfw and lsw1-c1-codfw have the same IPv4 address 10\.192\.4\.1/.test(m)));
  assert.ok([...messages].some((m) => /lsw1-a1-codfw and lsw1-c2-codfw have the same IPv6 address 2620:0:860:105::1/.test(m)));
});

test('the real fleet with a twelfth cluster reusing codfw\'s pod range and AS: both fleet rules name both clusters', () => {
  const copy: ClusterFiles = { name: 'codfw-copy', values: ['common.yaml', 'common-bgp.yaml', 'main.yaml', 'codfw/calico-values.yaml'], manifests: [] };
  const findings = validate(realFleet([copy])).filter((f) => f.rule !== 'peer-ip-duplicate');
  const summary = findings.map((f) => [f.rule, f.cluster, f.object, f.source?.file]).sort();
  assert.deepEqual(summary, [
    ['as-number-duplicate', 'codfw', 'BGPConfiguration/default', 'codfw/calico-values.yaml'],
    ['as-number-duplicate', 'codfw-copy', 'BGPConfiguration/default', 'codfw/calico-values.yaml'],
    ['pool-overlap', 'codfw', 'IPPool/ipv4', 'codfw/calico-values.yaml'],
    ['pool-overlap', 'codfw', 'IPPool/ipv6', 'codfw/calico-values.yaml'],
    ['pool-overlap', 'codfw-copy', 'IPPool/ipv4', 'codfw/calico-values.yaml'],
    ['pool-overlap', 'codfw-copy', 'IPPool/ipv6', 'codfw/calico-values.yaml'],
  ]);
  assert.match(findings.find((f) => f.rule === 'pool-overlap')!.message, /10\.194\.128\.0\/17 \(cluster codfw.*\(cluster codfw-copy/);
});

test('reported, the real fleet\'s two mistakes in common-bgp.yaml are two findings, each naming the 11 clusters', () => {
  const clusters = realFleet();
  const report = summarise(validate(clusters));
  const names = clusters.map(({ name }) => name!).sort();
  assert.deepEqual(
    report.findings.map((f) => [f.rule, f.object, `${f.source?.file}:${f.source?.line}`, f.clusters, f.cluster]),
    [
      ['peer-ip-duplicate', 'BGPPeer/lsw1-c1-codfw-ipv4', `common-bgp.yaml:${routerLine('lsw1-c1-codfw', 'ipv4')}`, names, undefined],
      ['peer-ip-duplicate', 'BGPPeer/lsw1-c2-codfw-ipv6', `common-bgp.yaml:${routerLine('lsw1-c2-codfw', 'ipv6')}`, names, undefined],
    ],
  );
  assert.deepEqual(report.summary, { errors: 2, warnings: 0, acknowledged: 0 });
});

test('findings of one values file about different clusters\' own values stay apart', () => {
  const copy: ClusterFiles = { name: 'codfw-copy', values: ['common.yaml', 'common-bgp.yaml', 'main.yaml', 'codfw/calico-values.yaml'], manifests: [] };
  const report = summarise(validate(realFleet([copy])).filter((f) => f.rule === 'pool-overlap'));
  // the same line of codfw/calico-values.yaml, but each message names the other cluster: two causes
  assert.deepEqual(report.findings.map((f) => f.cluster).sort(), ['codfw', 'codfw', 'codfw-copy', 'codfw-copy']);
});
