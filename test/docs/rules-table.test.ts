import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allChecks, rulesTable } from '../../src/api/rules';
import { objectRules } from '../../src/validate/rules/objects';
import { clusterRules } from '../../src/validate/rules/cluster';
import { fleetRules } from '../../src/validate/rules/fleet';
import { refusals } from '../../src/diff/refusals';
import { IPAM_REFUSAL_RULES, MALFORMED_RULE, POOL_NEARLY_FULL, POOL_NO_ROOM } from '../../src/ipam';
import { projectRoot } from '../support/cli';

test('docs/rules.md is what `npm run gen:docs` writes from the registries', () => {
  const committed = fs.readFileSync(path.join(projectRoot, 'docs', 'rules.md'), 'utf8');
  assert.ok(committed === rulesTable(), 'docs/rules.md is out of date: run `npm run gen:docs` and commit it');
});

test('the table has one row per check, every rule and refusal among them, each id once', () => {
  const ids = allChecks().map((check) => check.id);
  assert.equal(new Set(ids).size, ids.length, `an id twice: ${ids.filter((id, i) => ids.indexOf(id) !== i).join(', ')}`);
  for (const check of [...objectRules, ...clusterRules, ...fleetRules, ...refusals, ...Object.values(IPAM_REFUSAL_RULES), MALFORMED_RULE, POOL_NEARLY_FULL, POOL_NO_ROOM]) {
    assert.ok(ids.includes(check.id), check.id);
    assert.match(rulesTable(), new RegExp(`^\\| \`${check.id}\` \\| ${check.severity}[ |/]`, 'm'));
  }
  for (const check of allChecks()) assert.ok(check.description.length > 0 && !check.description.includes('\n'), check.id);
});
