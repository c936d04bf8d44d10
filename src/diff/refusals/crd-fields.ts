/**
 * Fields the release will set that the cluster's Calico CRDs do not have. The `calico` chart and
 * the `calico-crds` chart are upgraded separately; the API server prunes a field its CRD's schema
 * does not declare, silently, so a setting of a newer Calico would be dropped on apply.
 */
import { CALICO_GROUP } from '../../core/calico';
import { groupOfApiVersion, pluralOf } from '../../core/kube';
import { isMap } from '../../util/json';
import type { Hit } from '../../core/findings';
import type { Refusal } from './refusal';

type Schema = Record<string, unknown>;

export const crdFieldMissing: Refusal = {
  id: 'crd-field-missing',
  severity: 'error',
  // the live CRDs are what only the cluster knows: review, between two revisions, cannot tell
  basis: 'live',
  description: "A field calico-gen sets that the live cluster's Calico CRD does not have (the API server would drop it): the calico-crds chart must be upgraded first",
  actions: ['create', 'update', 'unchanged'],
  check(pair, context) {
    const desired = pair.desired;
    if (!desired || !context.crds || groupOfApiVersion(desired.apiVersion) !== CALICO_GROUP) return [];
    const crd = `${pluralOf(desired.kind)}.${CALICO_GROUP}`;
    const schema = context.crds.get(desired.kind);
    if (!schema) {
      return [{ path: '', message: `the cluster has no CustomResourceDefinition ${crd}, so it cannot hold ${desired.kind} objects and helmfile apply fails ("no matches for kind ${desired.kind}"). The CRDs must lead: install or upgrade the calico-crds chart first, then apply the calico release` }];
    }
    // the API server never prunes these
    const { apiVersion: _apiVersion, kind: _kind, metadata: _metadata, ...fields } = desired;
    const missing: string[] = [];
    unknownFields(fields, schema, '', missing);
    // a field missing in every element of a list is one finding, at its first element
    const once = new Map<string, string>();
    for (const path of missing) {
      const field = path.replace(/\/\d+(?=\/|$)/g, '/*');
      if (!once.has(field)) once.set(field, path);
    }
    return [...once.values()].map((path): Hit => ({
      path,
      message: `calico-gen sets ${path.slice(1).replace(/\//g, '.')}, but the cluster's CRD ${crd} has no such field: the API server drops it without a word (pruning), so the setting would not take effect. Allowed: the fields of the installed CRD. Fix: the CRDs must lead: upgrade the calico-crds chart to the Calico release calico-gen targets first, then apply the calico release`,
    }));
  },
};

/**
 * The schema of a member of an object schema: its own, else additionalProperties'; null when the
 * schema keeps members it does not declare; undefined when the API server prunes the member (a
 * structural schema keeps only what it declares, unless x-kubernetes-preserve-unknown-fields).
 */
function member(schema: Schema, key: string): Schema | null | undefined {
  const properties = isMap(schema.properties) ? schema.properties : undefined;
  if (properties && Object.prototype.hasOwnProperty.call(properties, key)) return isMap(properties[key]) ? properties[key] : null;
  if (isMap(schema.additionalProperties)) return schema.additionalProperties;
  return schema['x-kubernetes-preserve-unknown-fields'] === true ? null : undefined;
}

function unknownFields(value: unknown, schema: Schema, path: string, missing: string[]): void {
  if (Array.isArray(value)) {
    if (isMap(schema.items)) value.forEach((item, index) => unknownFields(item, schema.items as Schema, `${path}/${index}`, missing));
    return;
  }
  if (!isMap(value) || (schema.type !== undefined && schema.type !== 'object')) return;
  for (const [key, item] of Object.entries(value)) {
    const itemPath = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const itemSchema = member(schema, key);
    if (itemSchema === undefined) missing.push(itemPath);
    else if (itemSchema !== null) unknownFields(item, itemSchema, itemPath, missing);
  }
}
