import { type Hit, pointer } from '../../../core/findings';
import { isMap, own } from '../../../util/json';
import { defineRule, hit } from '../../rule';
import { CALICO_KINDS } from '../../../core/calico';
import { oneOf } from './support/describe';
import { dottedPath } from './support/field-path';
import { crdSchemaFor, walkSchema } from './support/schema';
import { closest } from '../../../util/suggest';

const OBJECT_META_FIELDS = [
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
];

/** Fields people copy from newer Calico documentation. */
const LATER_FIELDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  IPPool: { namespaceSelector: 'exists only from Calico v3.31 on' },
  BGPPeer: {
    localASNumber: 'exists only in Calico releases after v3.30',
    keepaliveTime: 'exists only in Calico releases after v3.30',
  },
};

function unknownFieldHit(
  kind: string,
  key: string,
  known: readonly string[],
  path: ReadonlyArray<string | number>,
): Hit {
  const where = path.length === 0 ? `the ${kind} object` : `${kind} ${dottedPath(path)}`;
  const later = path.length === 1 && path[0] === 'spec' ? LATER_FIELDS[kind]?.[key] : undefined;
  const guess = closest(key, known);
  const advice = later
    ? `${key} ${later}; this fleet runs v3.30.7.`
    : guess
      ? `Did you mean ${guess}?`
      : `Known fields: ${oneOf(known)}.`;
  return hit(
    pointer(...path, key),
    `unknown field ${JSON.stringify(key)} in ${where}: calicoctl refuses it (strict decoding) and ` +
      `kube-apiserver silently drops it, so the setting is lost. ${advice}`,
  );
}

export const unknownFields = defineRule({
  scope: 'object',
  id: 'calico-unknown-field',
  severity: 'error',
  description: 'No field outside the v3.30 CRD schema (misspelled keys such as natOutGoing or peerIp)',
  kinds: CALICO_KINDS,
  check({ object, kind: objectKind }) {
    const kind = objectKind ?? '';
    const schema = crdSchemaFor(kind);
    if (!schema) return [];
    const hits: Hit[] = [];
    const metadata = own(object, 'metadata');
    if (isMap(metadata)) {
      for (const key of Object.keys(metadata)) {
        if (!OBJECT_META_FIELDS.includes(key)) hits.push(unknownFieldHit(kind, key, OBJECT_META_FIELDS, ['metadata']));
      }
    }
    walkSchema(object, schema, [], (value, fieldSchema, path) => {
      if (!isMap(value) || !fieldSchema.properties) return true;
      if (fieldSchema.additionalProperties || fieldSchema.preserveUnknownFields) return true;
      const known = Object.keys(fieldSchema.properties);
      for (const key of Object.keys(value)) {
        if (!known.includes(key)) hits.push(unknownFieldHit(kind, key, known, path));
      }
      return true;
    });
    return hits;
  },
});
