import type { CrdSchema } from '../crd-schema';
import { crdSchemas } from '../known-fields.generated';

/** The CRD root schema of a Calico kind, when calico-gen knows it. */
export function crdSchemaFor(kind: string): CrdSchema | undefined {
  return Object.prototype.hasOwnProperty.call(crdSchemas, kind) ? crdSchemas[kind] : undefined;
}

/** Own property schema of a map schema (no inherited names). */
export function propertySchema(schema: CrdSchema, key: string): CrdSchema | undefined {
  const properties = schema.properties;
  if (properties && Object.prototype.hasOwnProperty.call(properties, key)) return properties[key];
  return schema.additionalProperties;
}

/** Calls `visit` for every value present in `value` that `schema` describes, depth first,
 * skipping values whose type does not match their schema. */
export function walkSchema(
  value: unknown,
  schema: CrdSchema,
  path: ReadonlyArray<string | number>,
  visit: (value: unknown, schema: CrdSchema, path: ReadonlyArray<string | number>) => boolean,
): void {
  if (!visit(value, schema, path)) return;
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, i) => walkSchema(item, schema.items!, [...path, i], visit));
    return;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const key of Object.keys(value)) {
      const child = propertySchema(schema, key);
      if (child) walkSchema((value as Record<string, unknown>)[key], child, [...path, key], visit);
    }
  }
}
