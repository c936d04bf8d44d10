/**
 * JSON Schema validators for the cluster definition, the chart values and the Calico objects.
 * Loaded once per process and only when first needed.
 */
import * as path from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { closest } from '../util/suggest';

export const schemasDir = path.resolve(__dirname, '..', '..', '..', 'schemas');

const compiled = new Map<string, ValidateFunction>();

/**
 * The validator of `schemas/<file>`, precompiled by `npm run gen:schemas` (ajv standalone):
 * compiling at run time would cost more than a whole fleet's synthesis.
 */
export function schemaValidator(file: string): ValidateFunction {
  let validate = compiled.get(file);
  if (!validate) {
    validate = require(path.join(schemasDir, 'compiled', file.replace(/\//g, '__').replace(/\.json$/, '.js'))) as ValidateFunction;
    compiled.set(file, validate);
  }
  return validate;
}

export interface SchemaViolation {
  /** JSON pointer of the offending value */
  path: string;
  message: string;
}

/** ajv's errors in words a user reads: where, what is wrong, what is allowed. */
export function describeSchemaErrors(errors: readonly ErrorObject[] | null | undefined): SchemaViolation[] {
  const violations: SchemaViolation[] = [];
  for (const error of errors ?? []) {
    // oneOf/anyOf/allOf wrappers repeat what their branches already said
    if (['oneOf', 'anyOf', 'allOf', 'if'].includes(error.keyword)) continue;
    violations.push(describe(error));
  }
  return dedupe(violations);
}

function describe(error: ErrorObject): SchemaViolation {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return {
        path: `${error.instancePath}/${String(params.additionalProperty)}`,
        message: `unknown key "${String(params.additionalProperty)}"${hintKnownKeys(error)}`,
      };
    case 'required':
      return { path: `${error.instancePath}/${String(params.missingProperty)}`, message: `required key "${String(params.missingProperty)}" is missing` };
    case 'enum':
      return { path: error.instancePath, message: `${JSON.stringify(error.data)} is not allowed: use one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
    case 'type':
      return { path: error.instancePath, message: `${JSON.stringify(error.data)} is a ${typeName(error.data)}, expected ${String(params.type)}` };
    default:
      return { path: error.instancePath, message: `${JSON.stringify(error.data)} ${error.message ?? 'is invalid'}` };
  }
}

function hintKnownKeys(error: ErrorObject): string {
  const properties = (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  if (!properties) return '';
  const known = Object.keys(properties);
  const typed = String((error.params as Record<string, unknown>).additionalProperty);
  const close = closest(typed, known);
  return close ? `: did you mean "${close}"?` : `: known keys are ${known.join(', ')}`;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  return typeof value === 'object' ? 'map' : typeof value;
}

function dedupe(violations: SchemaViolation[]): SchemaViolation[] {
  const seen = new Set<string>();
  return violations.filter((v) => {
    const key = `${v.path}\0${v.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
