import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalAddress, cidrTextsOverlap as cidrsOverlap } from '../../src/core/net';

test('addresses and CIDRs compare in the form Calico stores them', () => {
  assert.equal(canonicalAddress('2001:DB8:0:0::1'), '2001:db8::1');
  assert.equal(canonicalAddress('2001:db8:0::/48'), '2001:db8::/48');
  // Calico stores a pool's network, not the address written with host bits
  assert.equal(canonicalAddress('10.0.0.1/24'), '10.0.0.0/24');
});

test('what Go does not read as an address is compared as written, never reinterpreted', () => {
  // ipaddr.js would read these as 8.0.0.1 and 10.0.0.1
  assert.equal(canonicalAddress('010.0.0.1'), '010.0.0.1');
  assert.equal(canonicalAddress('10.1'), '10.1');
  assert.equal(canonicalAddress('not an address'), 'not an address');
});

test('pool overlap: same family and shared addresses only', () => {
  assert.equal(cidrsOverlap('10.64.0.0/16', '10.64.128.0/17'), true);
  assert.equal(cidrsOverlap('10.64.0.0/17', '10.64.128.0/17'), false);
  assert.equal(cidrsOverlap('10.0.0.0/8', '::/0'), false);
  assert.equal(cidrsOverlap('10.0.0.0/8', 'garbage'), false);
});
