/**
 * Schema gate: chart values against schemas/calico-values.schema.json and Calico objects
 * against the schemas generated from the CRDs, reported as findings.
 */
import type { KubeObject } from '../core/kube';
import { CALICO_API_VERSION } from '../core/calico';
import { describeSchemaErrors, schemaValidator, type SchemaViolation } from '../core/schemas';
import { memoiseFrozen } from '../util/memo';
import { entryOf } from '../util/json';
import { refOf } from '../core/kube';
import type { Check, Finding, SourceLocation } from '../core/findings';

export const valuesSchema: Check = {
  id: 'values-schema',
  severity: 'error',
  description: "The chart's effective values match schemas/calico-values.schema.json: strict inside every structure the chart reads",
};

export const crdSchema: Check = {
  id: 'crd-schema',
  severity: 'error',
  description: 'Each Calico object matches the schema generated from its CRD (what kube-apiserver enforces), where no object rule already reported that field',
};

export function checkValuesSchema(values: unknown, cluster: string, source?: SourceLocation): Finding[] {
  const validate = schemaValidator('calico-values.schema.json');
  if (validate(values)) return [];
  return describeSchemaErrors(validate.errors).map((violation) => ({
    rule: valuesSchema.id,
    severity: valuesSchema.severity,
    cluster,
    object: 'values',
    path: violation.path,
    message: violation.message,
    ...(source ? { source } : {}),
  }));
}

/** Calico kinds with a generated schema (schemas/crds/<kind>.json). */
const crdSchemaFiles: Record<string, string> = {
  IPPool: 'crds/ippool.schema.json',
  BGPPeer: 'crds/bgppeer.schema.json',
  BGPConfiguration: 'crds/bgpconfiguration.schema.json',
  IPAMConfig: 'crds/ipamconfig.schema.json',
  GlobalNetworkPolicy: 'crds/globalnetworkpolicy.schema.json',
};

export function checkObjectSchemas(objects: readonly KubeObject[], cluster: string, source?: SourceLocation): Finding[] {
  const findings: Finding[] = [];
  for (const object of objects) {
    for (const violation of schemaViolations(object)) {
      findings.push({
        rule: crdSchema.id,
        severity: crdSchema.severity,
        cluster,
        object: refOf(object),
        path: violation.path,
        message: violation.message,
        ...(source ? { source } : {}),
      });
    }
  }
  return findings;
}

/** A frozen object the fleet repeats is validated once. */
const schemaViolations = memoiseFrozen((object: KubeObject): SchemaViolation[] => {
  const file = object?.apiVersion === CALICO_API_VERSION ? entryOf(crdSchemaFiles, object.kind) : undefined;
  if (!file) return [];
  const validate = schemaValidator(file);
  return validate(object) ? [] : describeSchemaErrors(validate.errors);
});
