/** Acknowledgements applied to findings: each side of each case, without a fleet on disk. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../src/core/findings';
import { summarise } from '../../src/core/findings';
import { applyAcknowledgements, type ClusterAcknowledgements } from '../../src/validate/acknowledgements';
import type { LocatedAcknowledgement } from '../../src/resolve/resolve';

const finding = (cluster: string, rule = 'peer-ip-duplicate', object = 'BGPPeer/cr2-ipv4'): Finding => ({
  rule,
  severity: 'error',
  cluster,
  object,
  path: '/spec/peerIP',
  message: 'routers cr1 and cr2 have the same IPv4 address 192.0.2.1',
  source: { file: 'clusters/shared/routers.ts', line: 4, column: 48 },
});

const shared = { call: { file: '/fleet/clusters/shared/group.ts', line: 5, column: 1 }, argument: 0, keyPath: ['acknowledge', 0] };
const acks = (cluster: string, ...entries: LocatedAcknowledgement[]): ClusterAcknowledgements => ({ cluster, definitionFile: `clusters/${cluster}.ts`, entries });
const everyone = new Set(['a', 'b']);

test('an acknowledgement of the rule and object marks the finding; it no longer counts, and the summary says so', () => {
  const entry = { rule: 'peer-ip-duplicate', object: 'BGPPeer/cr2-ipv4' as const, reason: 'NET-42', until: '2026-06-30' as const };
  const [marked] = applyAcknowledgements([finding('a')], [acks('a', entry)], everyone, '2026-06-30');
  assert.deepEqual(marked!.acknowledged, { reason: 'NET-42', until: '2026-06-30' });
  assert.deepEqual(summarise([marked!]).summary, { errors: 0, warnings: 0, acknowledged: 1 });
});

test('another object, another rule or another cluster is not acknowledged, and the acknowledgement is unused there', () => {
  const entry = { rule: 'peer-ip-duplicate', object: 'BGPPeer/cr1-ipv4' as const, reason: 'NET-42' };
  const result = applyAcknowledgements([finding('a'), finding('b', 'pool-overlap', 'IPPool/ipv4')], [acks('a', entry), acks('b', { ...entry, rule: 'pool-overlap' })], everyone, '2026-01-01');
  assert.deepEqual(result.filter((f) => f.acknowledged), []);
  assert.deepEqual(result.filter((f) => f.rule === 'acknowledgement-unused').map((f) => [f.cluster, f.severity, f.path, f.source?.file]), [
    ['a', 'warning', '/acknowledge/0', 'clusters/a.ts'],
    ['b', 'warning', '/acknowledge/0', 'clusters/b.ts'],
  ]);
});

test('without an object, every object of the rule; without until, for good', () => {
  const [marked] = applyAcknowledgements([finding('a')], [acks('a', { rule: 'peer-ip-duplicate', reason: 'known' })], everyone, '2999-01-01');
  assert.deepEqual(marked!.acknowledged, { reason: 'known' });
});

test('past until the finding counts again and says since when; the acknowledgement is not unused', () => {
  const entry = { rule: 'peer-ip-duplicate', reason: 'NET-42', until: '2026-06-30' as const };
  const result = applyAcknowledgements([finding('a')], [acks('a', entry)], everyone, '2026-07-01');
  assert.equal(result.length, 1);
  assert.equal(result[0]!.acknowledged, undefined);
  assert.deepEqual(result[0]!.acknowledgementExpired, { reason: 'NET-42', until: '2026-06-30' });
  assert.equal(summarise(result).summary.errors, 1);
});

test('one acknowledgement in a shared layer is used when one of its clusters has the finding; one unused in several clusters is one warning', () => {
  const entry = { rule: 'peer-ip-duplicate', reason: 'NET-42', definedAt: shared };
  const used = applyAcknowledgements([finding('a')], [acks('a', entry), acks('b', entry)], everyone, '2026-01-01');
  assert.deepEqual(used.map((f) => [f.cluster, f.rule, Boolean(f.acknowledged)]), [['a', 'peer-ip-duplicate', true]]);
  const unused = applyAcknowledgements([], [acks('a', entry), acks('b', entry)], everyone, '2026-01-01');
  const report = summarise(unused.map((f) => ({ ...f, source: { file: 'clusters/shared/group.ts', line: 6, column: 5 } })));
  assert.deepEqual(report.findings.map((f) => [f.rule, f.clusters]), [['acknowledgement-unused', ['a', 'b']]]);
});

test('a cluster not reported still uses a shared acknowledgement; an unknown rule id is named, with the one meant', () => {
  const entry = { rule: 'peer-ip-duplicate', reason: 'NET-42', definedAt: shared };
  assert.deepEqual(applyAcknowledgements([finding('b')], [acks('a', entry), acks('b', entry)], new Set(['a']), '2026-01-01'), []);
  const [typo] = applyAcknowledgements([], [acks('a', { rule: 'peer-ip-duplicat', reason: 'x' })], everyone, '2026-01-01');
  assert.match(typo!.message, /no rule is named peer-ip-duplicat \(did you mean peer-ip-duplicate\?\)/);
});

test('findings acknowledged alike in several clusters are one; acknowledged and not are two', () => {
  const note = { reason: 'NET-42' };
  const report = summarise([{ ...finding('a'), acknowledged: note }, { ...finding('b'), acknowledged: note }, finding('c')]);
  assert.deepEqual(report.findings.map((f) => [f.clusters ?? f.cluster, Boolean(f.acknowledged)]), [[['a', 'b'], true], ['c', false]]);
  assert.deepEqual(report.summary, { errors: 1, warnings: 0, acknowledged: 1 });
});
