import { type Hit, pointer } from '../../../core/findings';
import { isMap, own } from '../../../util/json';
import { metadataOf } from '../../../core/kube';
import { defineRule, hit } from '../../rule';
import { CALICO_KINDS } from '../../../core/calico';
import { describeTyped, quoteText } from './support/describe';
import { labelValueProblem, qualifiedNameProblem } from './support/names';

const MAX_ANNOTATION_BYTES = 256 * 1024;

function checkLabels(labels: Record<string, unknown>): Hit[] {
  const hits: Hit[] = [];
  for (const [key, value] of Object.entries(labels)) {
    // made only for a hit: most keys have none
    const path = () => pointer('metadata', 'labels', key);
    const keyProblem = qualifiedNameProblem(key);
    if (keyProblem) hits.push(hit(path(), `label key ${quoteText(key)} is invalid: ${keyProblem}.`));
    if (typeof value !== 'string') {
      hits.push(hit(path(), `label ${quoteText(key)} must have a string value, got ${describeTyped(value)}; quote it.`));
      continue;
    }
    const valueProblem = labelValueProblem(value);
    if (valueProblem) hits.push(hit(path(), `label ${quoteText(key)} has invalid value ${quoteText(value)}: ${valueProblem}.`));
  }
  return hits;
}

function checkAnnotations(annotations: Record<string, unknown>): Hit[] {
  const hits: Hit[] = [];
  let bytes = 0;
  for (const [key, value] of Object.entries(annotations)) {
    // made only for a hit: most keys have none
    const path = () => pointer('metadata', 'annotations', key);
    // Calico lower-cases annotation keys before checking them.
    const keyProblem = qualifiedNameProblem(key.toLowerCase());
    if (keyProblem) hits.push(hit(path(), `annotation key ${quoteText(key)} is invalid: ${keyProblem}.`));
    if (typeof value !== 'string') {
      hits.push(hit(path(), `annotation ${quoteText(key)} must have a string value, got ${describeTyped(value)}; quote it.`));
      continue;
    }
    bytes += Buffer.byteLength(key) + Buffer.byteLength(value);
  }
  if (bytes > MAX_ANNOTATION_BYTES) {
    hits.push(
      hit(
        '/metadata/annotations',
        `total size of annotations is too large by ${bytes - MAX_ANNOTATION_BYTES} bytes (limit 256 KiB).`,
      ),
    );
  }
  return hits;
}

export const metadataLabels = defineRule({
  scope: 'object',
  id: 'calico-metadata-labels',
  severity: 'error',
  description: 'Label keys and values, and annotation keys, have the Kubernetes shapes Calico enforces',
  kinds: CALICO_KINDS,
  check({ object }) {
    const metadata = metadataOf(object);
    const hits: Hit[] = [];
    for (const [field, checker] of [
      ['labels', checkLabels],
      ['annotations', checkAnnotations],
    ] as const) {
      const value = own(metadata, field);
      if (value === undefined || value === null) continue;
      if (!isMap(value)) {
        hits.push(hit(pointer('metadata', field), `metadata.${field} must be a map of strings, got ${describeTyped(value)}.`));
        continue;
      }
      hits.push(...checker(value));
    }
    return hits;
  },
});
