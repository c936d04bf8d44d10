/**
 * Hand-written Helm values files, layered as helmfile layers them (src/util/merge.ts), with the
 * place every key was written so that a finding names the file, line and column of the layer that
 * set the value.
 */
import type { Check, Finding, SourceLocation } from '../core/findings';
import { isPlainMap } from '../util/merge';
import { firstErrors, positionOf, parseLocatedYaml, type LocatedDocument } from './yaml-locations';
import type { InputFile } from '../util/input-file';

export const valuesYaml: Check = {
  id: 'values-yaml',
  severity: 'error',
  alsoAs: ['warning'],
  description: 'A values file parses (aliases expanding to at most 1,000 copies) and is a map; a warning when it has documents Helm ignores',
};

export interface ValuesLayer {
  file: string;
  document: LocatedDocument;
}

/** A values file as Helm reads it: the first YAML document, a map (or nothing). */
export function parseValuesFile(file: InputFile): { layer?: ValuesLayer; findings: Finding[] } {
  const parsed = parseLocatedYaml(file.text);
  const { shown, rest: unshown } = firstErrors(parsed.errors, file.display);
  const findings: Finding[] = shown.map((error) => fileFinding(valuesYaml.id, 'error', file.display, error.position, error.message));
  if (unshown) findings.push(fileFinding(valuesYaml.id, 'error', file.display, undefined, unshown));
  if (findings.length > 0) return { findings };
  const [first, ...rest] = parsed.documents;
  if (rest.length > 0) {
    findings.push(fileFinding(valuesYaml.id, 'warning', file.display, rest[0]!.positions.get('')!, 'Helm reads only the first YAML document of a values file: the documents after it are ignored'));
  }
  if (!first || first.data === undefined || first.data === null) return { layer: { file: file.display, document: { data: {}, positions: new Map() } }, findings };
  if (!isPlainMap(first.data)) {
    findings.push(fileFinding(valuesYaml.id, 'error', file.display, first.positions.get('')!, 'a values file must be a map of keys at the top level; Helm refuses this one'));
    return { findings };
  }
  return { layer: { file: file.display, document: first }, findings };
}

function fileFinding(rule: string, severity: Finding['severity'], file: string, position: { line: number; column: number } | undefined, message: string): Finding {
  const source = position ? { file, line: position.line, column: position.column } : { file };
  return { rule, severity, cluster: '', object: 'values', path: '', message, source };
}

function unescape(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Whether the layer itself sets a (non-null) value at the pointer. */
function sets(data: unknown, pointer: string): boolean {
  if (pointer === '') return true;
  let current = data;
  for (const segment of pointer.slice(1).split('/').map(unescape)) {
    if (typeof current !== 'object' || current === null || !Object.prototype.hasOwnProperty.call(current, segment)) return false;
    current = (current as Record<string, unknown>)[segment];
  }
  return current !== null && current !== undefined;
}

/**
 * Where a value of the merged values was set: the last layer that sets the pointer (later layers
 * win), else the last that sets its nearest ancestor; the last file when no layer sets anything.
 */
export function locateInLayers(layers: readonly ValuesLayer[], pointer: string): SourceLocation | undefined {
  if (layers.length === 0) return undefined;
  let candidate = pointer;
  for (;;) {
    for (let i = layers.length - 1; i >= 0; i--) {
      const layer = layers[i]!;
      if (candidate !== '' && sets(layer.document.data, candidate)) {
        const position = positionOf(layer.document, candidate);
        return position ? { file: layer.file, line: position.line, column: position.column } : { file: layer.file };
      }
    }
    if (candidate === '') return { file: layers[layers.length - 1]!.file };
    candidate = candidate.slice(0, candidate.lastIndexOf('/'));
  }
}
