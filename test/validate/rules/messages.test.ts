import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hits } from '../helpers';

/** Messages say what is wrong, the offending value, what is allowed and how to fix it. */
function message(id: string, yaml: string): string {
  const found = hits(id, yaml);
  assert.equal(found.length, 1, JSON.stringify(found));
  return found[0].message;
}

test('selector errors name the field, the column and the fix', () => {
  const text = message('calico-selector-syntax', `{kind: BGPPeer, metadata: {name: p}, spec: {peerSelector: "rr == 'a' and x == 'b'"}}`);
  assert.match(text, /peerSelector "rr == 'a' and x == 'b'"/);
  assert.match(text, /column 15/);
  assert.match(text, /Use && and \|\|/);
  assert.equal(hits('calico-selector-syntax', `{kind: BGPPeer, metadata: {name: p}, spec: {peerSelector: "rr == 'a' and x == 'b'"}}`)[0].path, '/spec/peerSelector');
});

test('cidr messages mirror Calico and give the corrected value', () => {
  assert.match(
    message('ippool-cidr-strict-mask', '{kind: IPPool, metadata: {name: p}, spec: {cidr: 10.194.128.1/17}}'),
    /IPPool CIDR is not strictly masked.*10\.194\.128\.0\/17/,
  );
  assert.match(message('ippool-cidr-canonical', '{kind: IPPool, metadata: {name: p}, spec: {cidr: "2001:DB8:0::/48"}}'), /Write 2001:db8::\/48/);
  assert.match(message('ippool-cidr', '{kind: IPPool, metadata: {name: p}, spec: {cidr: 10.0.0.0}}'), /IPPool CIDR must be a valid subnet.*missing "\/<prefix length>"/);
  assert.match(
    message('ippool-cidr-link-local', '{kind: IPPool, metadata: {name: p}, spec: {cidr: 0.0.0.0/0}}'),
    /overlaps with IPv4 Link Local range 169\.254\.0\.0\/16: 0\.0\.0\.0\/0 contains it/,
  );
});

test('block size messages explain the default', () => {
  const text = message('ippool-smaller-than-block', '{kind: IPPool, metadata: {name: p}, spec: {cidr: "2001:db8::/124"}}');
  assert.match(text, /It must be equal to or greater than the block size/);
  assert.match(text, /default blockSize 122/);
  assert.match(message('ippool-block-size', '{kind: IPPool, metadata: {name: p}, spec: {cidr: "2001:db8::/48", blockSize: 64}}'), /IPv6 block size must be between 116 and 128: blockSize is 64/);
});

test('enum messages suggest the right spelling', () => {
  assert.match(message('ippool-ipip-mode', '{kind: IPPool, metadata: {name: p}, spec: {cidr: 10.0.0.0/16, ipipMode: crosssubnet}}'), /did you mean CrossSubnet\?/);
  assert.match(message('bgpconfig-log-severity', '{kind: BGPConfiguration, metadata: {name: default}, spec: {logSeverityScreen: WARNING}}'), /did you mean Warning\?/);
});

test('type messages show the value and how to write it', () => {
  assert.match(
    message('calico-field-type', '{kind: BGPPeer, metadata: {name: p}, spec: {peerIP: 192.0.2.1, asNumber: "1.10"}}'),
    /asNumber must be an integer, got the string "1.10".*asplain number 65546/,
  );
  assert.match(message('calico-field-type', '{kind: IPPool, metadata: {name: p}, spec: {cidr: 10.0.0.0/16, blockSize: "26"}}'), /Remove the quotes/);
  assert.equal(hits('calico-field-type', '{kind: IPPool, metadata: {name: p}, spec: {cidr: 10.0.0.0/16, blockSize: "26"}}')[0].path, '/spec/blockSize');
});

test('unknown fields suggest the known spelling, or the version that has the field', () => {
  assert.match(message('calico-unknown-field', '{kind: BGPConfiguration, metadata: {name: default}, spec: {nodeToNodeMesh: false}}'), /Did you mean nodeToNodeMeshEnabled\?/);
  assert.match(message('calico-unknown-field', '{kind: IPPool, metadata: {name: p}, spec: {cidr: 10.0.0.0/16, namespaceSelector: all()}}'), /v3\.31/);
  const nested = hits('calico-unknown-field', '{kind: BGPPeer, metadata: {name: p}, spec: {password: {secretKeyRef: {keey: k}}}}');
  assert.equal(nested[0].path, '/spec/password/secretKeyRef/keey');
  assert.match(nested[0].message, /BGPPeer spec\.password\.secretKeyRef/);
});

test('JSON pointers escape / and ~ in keys', () => {
  const found = hits('calico-metadata-labels', '{kind: IPPool, metadata: {name: p, labels: {"a/b~c": "x y"}}}');
  assert.ok(found.some((h) => h.path === '/metadata/labels/a~1b~0c'), JSON.stringify(found));
});

test('community messages give the limit', () => {
  assert.match(
    hits('bgpconfig-community', '{kind: BGPConfiguration, metadata: {name: default}, spec: {communities: [{name: a, value: "65536:1"}]}}')[0].message,
    /expected 16 bit value: 65536 is greater than 65535/,
  );
  const undefinedName = hits('bgpconfig-prefix-advertisement', '{kind: BGPConfiguration, metadata: {name: default}, spec: {communities: [{name: generic, value: "1:1"}], prefixAdvertisements: [{cidr: 10.0.0.0/8, communities: [gneric]}]}}');
  assert.equal(undefinedName[0].path, '/spec/prefixAdvertisements/0/communities/0');
  assert.match(undefinedName[0].message, /defined names are generic/);
});

test('peerIP quirk warning shows both readings', () => {
  const text = message('bgppeer-peer-ip-unbracketed-port', '{kind: BGPPeer, metadata: {name: p}, spec: {peerIP: "2001:db8::1:179"}}');
  assert.match(text, /\[2001:db8::1\]:179/);
});
