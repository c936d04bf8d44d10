import { type Hit, pointer } from '../../../core/findings';
import { isMap, isSet } from '../../../util/json';
import type { CrdSchema } from './crd-schema';
import { defineRule, hit } from '../../rule';
import { CALICO_KINDS } from '../../../core/calico';
import { describeTyped } from './support/describe';
import { crdSchemaFor, walkSchema } from './support/schema';

const EXPECTED: Record<NonNullable<CrdSchema['type']>, string> = {
  string: 'a string',
  boolean: 'a boolean (true or false)',
  integer: 'an integer',
  number: 'a number',
  object: 'a map',
  array: 'a list',
  'int-or-string': 'an integer or a string',
};

const DURATION_FIELDS = new Set(['maxRestartTime', 'nodeMeshMaxRestartTime']);

export function matchesType(value: unknown, type: CrdSchema['type']): boolean {
  switch (type) {
    case undefined:
      return true;
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'bigint' || (typeof value === 'number' && Number.isInteger(value));
    case 'number':
      return typeof value === 'bigint' || typeof value === 'number';
    case 'object':
      return isMap(value);
    case 'array':
      return Array.isArray(value);
    case 'int-or-string':
      return typeof value === 'string' || matchesType(value, 'integer');
  }
}

/** How to write the value with the right type, when we can tell. */
function typeAdvice(field: string, value: unknown, type: CrdSchema['type']): string {
  if (DURATION_FIELDS.has(field)) return ' Write a Go duration string with a unit, such as "120s" or "2m".';
  if (typeof value === 'string' && type === 'integer') {
    const asdot = /^(\d+)\.(\d+)$/.exec(value);
    if (field === 'asNumber' && asdot) {
      const asplain = BigInt(asdot[1]) * 65536n + BigInt(asdot[2]);
      return ` AS numbers in asdot notation are refused by the crd.projectcalico.org schema; write the asplain number ${asplain}.`;
    }
    if (/^-?\d+$/.test(value.trim())) return ' Remove the quotes.';
  }
  if (typeof value === 'string' && type === 'boolean') {
    const lower = value.trim().toLowerCase();
    if (lower === 'true' || lower === 'false') return ` Write ${lower} without quotes.`;
    if (lower === 'enabled' || lower === 'disabled') {
      return ` Write ${lower === 'enabled'} (the Enabled/Disabled spelling belongs to the tigera-operator's Installation resource, not to this one).`;
    }
  }
  if (type === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return ' Quote the value.';
  return '';
}

export const fieldTypes = defineRule({
  scope: 'object',
  id: 'calico-field-type',
  severity: 'error',
  description: 'Every field has the type the CRD declares (boolean, integer, string, list, map)',
  kinds: CALICO_KINDS,
  check({ object, kind }) {
    const schema = crdSchemaFor(kind ?? '');
    if (!schema) return [];
    const hits: Hit[] = [];
    walkSchema(object, schema, [], (value, fieldSchema, path) => {
      if (!isSet(value) || matchesType(value, fieldSchema.type)) return true;
      const field = String(path[path.length - 1] ?? '');
      hits.push(
        hit(
          pointer(...path),
          `${field} must be ${EXPECTED[fieldSchema.type!]}, got ${describeTyped(value)}.` +
            typeAdvice(field, value, fieldSchema.type),
        ),
      );
      return false;
    });
    return hits;
  },
});
