/** The subset of a CRD's OpenAPI v3 schema that the object rules use (see known-fields.generated.ts). */
export interface CrdSchema {
  type?: 'string' | 'boolean' | 'integer' | 'number' | 'object' | 'array' | 'int-or-string';
  properties?: Readonly<Record<string, CrdSchema>>;
  items?: CrdSchema;
  additionalProperties?: CrdSchema;
  required?: readonly string[];
  enum?: readonly unknown[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
  preserveUnknownFields?: boolean;
}
