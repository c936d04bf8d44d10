// The diff refusals that need the live IPAM state, each side of each.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ipamRefusals, poolGeometry, type IpamRefusalInput, type PoolChange, type PoolGeometry } from '../../src/ipam';
import { block, node, pool, stateOf, type Obj } from './support';

function geometry(name: string, cidr: string, blockSize: number, extra: Obj = {}): PoolGeometry {
  const parsed = poolGeometry(pool(name, cidr, blockSize, extra) as { metadata: { name: string }; spec: unknown });
  assert.ok(parsed);
  return parsed;
}

const LIVE_POOL = geometry('ipv4', '10.0.0.0/24', 28);
/** 10 nodes, each with a /28 of pool ipv4 holding 3 pods; node n0's block lends one address to n1 */
const LIVE: Obj[] = [
  ...Array.from({ length: 10 }, (_, i) => node(`n${i}`)),
  pool('ipv4', '10.0.0.0/24', 28),
  ...Array.from({ length: 10 }, (_, i) => block(`10.0.0.${i * 16}/28`, { affinity: `host:n${i}`, pods: { 0: undefined, 1: undefined, 2: i === 0 ? 'n1' : undefined } })),
];

function refusals(changes: PoolChange[], options: Partial<IpamRefusalInput> = {}, objects: Obj[] = LIVE) {
  return ipamRefusals({ changes, state: stateOf(objects), strictAffinity: { live: true, desired: true }, maxPodsPerNode: 10, ...options });
}

const ids = (list: ReturnType<typeof refusals>) => list.map((r) => `${r.rule} ${r.severity} ${r.object} ${r.path}`);

test('ippool-over-foreign-blocks: a new pool over live /28 blocks with /26 blocks is refused; with /28 blocks, or unchanged, it is not', () => {
  const [refusal, ...rest] = refusals([{ name: 'wide', desired: geometry('wide', '10.0.0.0/23', 26) }]);
  assert.deepEqual(rest, []);
  assert.equal(`${refusal!.rule} ${refusal!.severity} ${refusal!.object}`, 'ippool-over-foreign-blocks error IPPool/wide');
  assert.match(refusal!.message, /^IPPool wide \(10\.0\.0\.0\/23, \/26 blocks\) would be created over 10 blocks \(10\.0\.0\.0\/28, 10\.0\.0\.16\/28, 10\.0\.0\.32\/28 and 7 more\) on 10 nodes \(n0, n1, n2 and 7 more\) holding 30 addresses \(30 pods\) of another size \(\/28\).*Allowed: a pool whose range holds live blocks of its own block size only\. Fix: choose a cidr clear of these blocks, keep blockSize 28/);
  assert.deepEqual(refusals([{ name: 'wide', desired: geometry('wide', '10.0.0.0/23', 28) }]), []);
  assert.deepEqual(refusals([{ name: 'ipv4', live: LIVE_POOL, desired: LIVE_POOL }]), []);
  assert.deepEqual(ids(refusals([{ name: 'ipv4', live: LIVE_POOL, desired: geometry('ipv4', '10.0.0.0/24', 27) }])).filter((r) => r.startsWith('ippool-over')), ['ippool-over-foreign-blocks error IPPool/ipv4 /spec/cidr'], 're-created with another block size');
});

test('ippool-removed-in-use: deleting a pool whose blocks hold addresses is refused; an empty one is not', () => {
  const [refusal] = refusals([{ name: 'ipv4', live: LIVE_POOL }]);
  assert.equal(refusal!.rule, 'ippool-removed-in-use');
  assert.match(refusal!.message, /would be deleted by the release while 10 blocks .* holding 30 addresses \(30 pods\) still allocated.*Fix: keep the pool with disabled: true, move its 30 pods/);
  const empty = [node('n0'), pool('ipv4', '10.0.0.0/24', 28), block('10.0.0.0/28', { affinity: 'host:n0' })];
  assert.deepEqual(refusals([{ name: 'ipv4', live: LIVE_POOL }], {}, empty), []);
});

test('ippool-disabled-in-use: disabling a pool in use warns with the pods to move and the migration steps; an idle or already disabled pool does not', () => {
  const disabled = geometry('ipv4', '10.0.0.0/24', 28, { disabled: true });
  const [refusal, ...rest] = refusals([{ name: 'ipv4', live: LIVE_POOL, desired: disabled }]);
  assert.deepEqual(rest, []);
  assert.equal(`${refusal!.rule} ${refusal!.severity} ${refusal!.path}`, 'ippool-disabled-in-use warning /spec/disabled');
  assert.match(refusal!.message, /30 pods must move before the pool can go\. Allowed: disabling .*1\. add the new pool, 2\. disable the old one .* 3\. move the pods .* 4\. delete the old pool once calico-gen capacity --live shows addressesInUse 0/);
  assert.deepEqual(refusals([{ name: 'ipv4', live: disabled, desired: disabled }]), []);
  assert.deepEqual(refusals([{ name: 'ipv4', live: LIVE_POOL, desired: disabled }], {}, [node('n0'), pool('ipv4', '10.0.0.0/24', 28)]), []);
});

test('ippool-too-small-for-live: a replacement pool with room for fewer nodes than hold blocks now is refused, a large enough one is not', () => {
  const disabled = geometry('ipv4', '10.0.0.0/24', 28, { disabled: true });
  const small = refusals([{ name: 'ipv4', live: LIVE_POOL, desired: disabled }, { name: 'ipv4-new', desired: geometry('ipv4-new', '10.0.1.0/26', 28) }]);
  const [refusal] = small.filter((r) => r.rule === 'ippool-too-small-for-live');
  assert.equal(refusal!.object, 'IPPool/ipv4-new');
  assert.match(refusal!.message, /has 4 blocks, room for 4 nodes at 10 pods each under strict affinity, but 10 nodes hold blocks of ipv4 \(10\.0\.0\.0\/24\) now: 6 of them would get no addresses.*Fix: a cidr of \/24 or shorter with blockSize 28/);
  const large = refusals([{ name: 'ipv4', live: LIVE_POOL, desired: disabled }, { name: 'ipv4-new', desired: geometry('ipv4-new', '10.0.1.0/24', 28) }]);
  assert.deepEqual(large.filter((r) => r.rule === 'ippool-too-small-for-live'), []);
  assert.deepEqual(refusals([{ name: 'other', desired: geometry('other', '10.0.1.0/26', 28) }]).filter((r) => r.rule === 'ippool-too-small-for-live'), [], 'a pool replacing none');
});

test('strict-affinity-borrowed: turning strict affinity on while addresses are borrowed warns; without borrowed addresses, or already on, it does not', () => {
  const [refusal] = refusals([], { strictAffinity: { live: false, desired: true } });
  assert.equal(`${refusal!.rule} ${refusal!.severity} ${refusal!.object} ${refusal!.path}`, 'strict-affinity-borrowed warning IPAMConfig/default /spec/strictAffinity');
  assert.match(refusal!.message, /strictAffinity turns on while 1 node \(n1\) holds 1 address borrowed from 1 block of other nodes \(10\.0\.0\.0\/28\)/);
  assert.deepEqual(refusals([], { strictAffinity: { live: true, desired: true } }), []);
  assert.deepEqual(refusals([], { strictAffinity: { live: false, desired: true } }, LIVE.filter((o) => o.kind !== 'IPAMBlock' || (o.metadata as { name: string }).name !== '10-0-0-0-28')), []);
});
