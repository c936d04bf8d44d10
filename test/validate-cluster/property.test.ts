/** Properties: no input makes the validator throw; overlap detection agrees with brute force. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { validateClusters } from '../../src/validate';
import { formatCidr, makeCidr, parseCidr, type Cidr } from '../../src/core/net';
import { overlappingPairs, rangeOf, rangeOfCanonical } from '../../src/validate/rules/fleet/overlap';
import { parseLocatedYaml } from '../../src/inputs/yaml-locations';
import { parseManifestFile } from '../../src/inputs/manifest-files';
import { parseValuesFile } from '../../src/inputs/values-files';
import type { KubeObject } from '../../src/core/kube';
import { sourceOf } from './support';

const cidrText = fc.oneof(
  fc.constantFrom('10.0.0.0/16', '10.0.0.1/24', '2001:db8::/64', '::/0', '10.0.0.0/40', 'x', '', '10.0.0.0'),
  fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 40 })).map(([b, p]) => `10.${b}.0.0/${p}`),
);
const loose = fc.oneof(fc.anything(), cidrText, fc.integer(), fc.boolean(), fc.constant(null));
const pool = fc.record({ cidr: loose, blockSize: fc.oneof(fc.integer({ min: -5, max: 140 }), loose), disabled: loose, ipipMode: loose, nodeSelector: loose }, { requiredKeys: [] });
const router = fc.record({ ipv4: fc.oneof(fc.constantFrom('192.0.2.1', '10.0.0.1', '[::1]:179'), loose), ipv6: loose, nodeSelector: loose }, { requiredKeys: [] });

/** Values shaped like the chart's, every leaf possibly of the wrong type. */
const values = fc.record(
  {
    IPPools: fc.oneof(fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(pool, loose)), loose),
    BGPPeers: fc.oneof(fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(router, loose)), loose),
    BGPConfiguration: fc.oneof(
      fc.record({ asNumber: loose, nodeToNodeMeshEnabled: loose, prefixAdvertisements: fc.oneof(fc.array(fc.record({ cidr: cidrText, communities: loose })), loose), serviceClusterIPs: loose }, { requiredKeys: [] }),
      loose,
    ),
    IPAMConfig: fc.oneof(fc.record({ strictAffinity: loose, maxBlocksPerHost: loose }, { requiredKeys: [] }), loose),
    image: fc.oneof(fc.record({ tag: loose, repository: loose }, { requiredKeys: [] }), loose),
    veth_mtu: loose,
    IPv6Support: loose,
    PeerAS: loose,
    typha: fc.oneof(fc.record({ resources: fc.record({ requests: loose, limits: loose }, { requiredKeys: [] }) }, { requiredKeys: [] }), loose),
    other: loose,
  },
  { requiredKeys: [] },
);

const manifest = fc.record(
  {
    apiVersion: fc.constantFrom('crd.projectcalico.org/v1', 'projectcalico.org/v3', 'v1'),
    kind: fc.constantFrom('IPPool', 'BGPPeer', 'BGPConfiguration', 'IPAMConfig', 'ConfigMap'),
    metadata: fc.oneof(fc.record({ name: fc.oneof(fc.constantFrom('default', 'a'), loose) }), loose),
    spec: fc.oneof(pool, fc.record({ peerIP: loose, node: loose, nodeToNodeMeshEnabled: loose, strictAffinity: loose }, { requiredKeys: [] }), loose),
  },
  { requiredKeys: ['kind'] },
);

test('no values and no manifests make the validator throw', () => {
  fc.assert(
    fc.property(fc.option(values, { nil: undefined }), fc.array(manifest, { maxLength: 4 }), fc.option(fc.integer({ min: 0, max: 100000 }), { nil: undefined }), (v, objects, expectedNodes) => {
      const source = sourceOf(v as Record<string, unknown> | undefined, { manifests: objects as unknown as KubeObject[], expectedNodes });
      const findings = validateClusters([source]);
      for (const finding of findings) assert.doesNotMatch(finding.message, /internal error/, finding.message);
    }),
    { numRuns: 300 },
  );
});

test('arbitrary values, even not maps at all, never make the validator throw', () => {
  fc.assert(
    fc.property(fc.anything(), (anything) => {
      validateClusters([sourceOf(anything as Record<string, unknown>, { manifests: [anything as KubeObject] })]);
    }),
    { numRuns: 200 },
  );
});

test('no text makes the YAML readers throw', () => {
  const yamlish = fc.oneof(fc.string(), fc.array(fc.constantFrom('a:', ' b: 1', '- x', '---', '<<: *x', '&x {c: 1}', 'kind: List', 'items:', '  - {}', ':', '"', '\t'), { maxLength: 12 }).map((lines) => lines.join('\n')));
  fc.assert(
    fc.property(yamlish, (text) => {
      parseLocatedYaml(text);
      parseValuesFile({ path: '/v.yaml', display: 'v.yaml', text });
      parseManifestFile({ path: '/m.yaml', display: 'm.yaml', text });
    }),
    { numRuns: 500 },
  );
});

/** Small prefixes in 10.0.0.0/24 (and a few IPv6 ones) so that addresses can be enumerated. */
const smallCidr = fc.oneof(
  { weight: 5, arbitrary: fc.record({ prefix: fc.integer({ min: 24, max: 32 }), host: fc.integer({ min: 0, max: 255 }) }).map(({ prefix, host }) => makeCidr(4, 0x0a000000n + BigInt(host), prefix)) },
  { weight: 1, arbitrary: fc.record({ prefix: fc.integer({ min: 120, max: 128 }), host: fc.integer({ min: 0, max: 255 }) }).map(({ prefix, host }) => makeCidr(6, (0x20010db8n << 96n) + BigInt(host), prefix)) },
);

function addressSet(cidr: Cidr): Set<string> {
  const set = new Set<string>();
  const size = 1n << BigInt((cidr.family === 4 ? 32 : 128) - cidr.prefix);
  for (let i = 0n; i < size; i++) set.add(`${cidr.family}:${cidr.network + i}`);
  return set;
}

test('sort-based overlap detection finds exactly the pairs that share an address', () => {
  fc.assert(
    fc.property(fc.array(smallCidr, { maxLength: 25 }), (cidrs) => {
      const sets = cidrs.map(addressSet);
      const expected: Array<[number, number]> = [];
      for (let i = 0; i < cidrs.length; i++) {
        for (let j = i + 1; j < cidrs.length; j++) if ([...sets[i]!].some((a) => sets[j]!.has(a))) expected.push([i, j]);
      }
      assert.deepEqual(overlappingPairs(cidrs), expected);
    }),
    { numRuns: 500 },
  );
});

test('the fast CIDR reader of the fleet rule agrees with the full parser, on canonical and odd text', () => {
  const anyCidr = fc.oneof(
    fc.tuple(fc.bigInt({ min: 0n, max: (1n << 32n) - 1n }), fc.integer({ min: 0, max: 32 })).map(([a, p]) => makeCidr(4, a, p)),
    fc.tuple(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), fc.integer({ min: 0, max: 128 })).map(([a, p]) => makeCidr(6, a, p)),
  );
  const text = fc.oneof(
    anyCidr.map(formatCidr),
    fc.stringMatching(/^[0-9a-fA-F:.]{1,20}\/[0-9]{1,3}$/),
    fc.constantFrom('10.0.0.1/24', '010.0.0.0/8', '10.0.0.0/08', '2001:DB8::/32', '::ffff:1.2.3.4/128', '1::2::3/64', '::/0', '1:2:3:4:5:6:7:8/128', '1:2:3:4:5:6:7::/112', '1:2:3:4:5:6:7:8:9/128', '12345::/16'),
  );
  fc.assert(
    fc.property(text, (t) => {
      const parsed = parseCidr(t);
      assert.deepEqual(rangeOfCanonical(t), parsed.ok ? rangeOf(parsed.value) : undefined, t);
    }),
    { numRuns: 3000 },
  );
});
