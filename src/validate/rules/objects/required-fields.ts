import { type Hit, pointer } from '../../../core/findings';
import { isMap, isSet, own } from '../../../util/json';
import { defineRule, hit } from '../../rule';
import { CALICO_KINDS } from '../../../core/calico';
import { dottedPath } from './support/field-path';
import { crdSchemaFor, propertySchema, walkSchema } from './support/schema';

const ADVICE: Readonly<Record<string, string>> = {
  cidr: 'Set it to the pool network, e.g. cidr: 10.0.0.0/16.',
  autoAllocateBlocks:
    'IPAMConfig needs both autoAllocateBlocks and strictAffinity (the values the chart writes by default: autoAllocateBlocks: true, strictAffinity: false).',
  strictAffinity:
    'IPAMConfig needs both autoAllocateBlocks and strictAffinity (the values the chart writes by default: autoAllocateBlocks: true, strictAffinity: false).',
  key: 'Name the key inside the Secret that holds the BGP password.',
};

function missingHit(kind: string, path: ReadonlyArray<string | number>, field: string): Hit {
  return hit(
    pointer(...path, field),
    `${dottedPath([...path, field])} is required by the ${kind} CRD schema but is missing. ${ADVICE[field] ?? ''}`.trim(),
  );
}

export const requiredFields = defineRule({
  scope: 'object',
  id: 'calico-required-field',
  severity: 'error',
  description: 'Fields the CRD schema requires are present (IPPool cidr, IPAMConfig strictAffinity and autoAllocateBlocks, password key)',
  kinds: CALICO_KINDS,
  check({ object, kind: objectKind }) {
    const kind = objectKind ?? '';
    const schema = crdSchemaFor(kind);
    if (!schema) return [];
    const hits: Hit[] = [];
    // A missing spec is not walked into, but a kind whose spec has required fields needs one.
    const specSchema = propertySchema(schema, 'spec');
    if (specSchema?.required?.length && !isSet(own(object, 'spec'))) {
      for (const field of specSchema.required) hits.push(missingHit(kind, ['spec'], field));
    }
    walkSchema(object, schema, [], (value, fieldSchema, path) => {
      if (!isMap(value)) return true;
      for (const field of fieldSchema.required ?? []) {
        if (!isSet(own(value, field))) hits.push(missingHit(kind, path, field));
      }
      return true;
    });
    return hits;
  },
});
