/**
 * Hand-written Calico manifests: multi-document YAML of crd.projectcalico.org/v1 objects (a `List`
 * of them too, as `kubectl get -o yaml` writes), each object with the place of every field.
 */
import { type KubeObject, refOf } from '../core/kube';
import type { Check, Finding, SourceLocation } from '../core/findings';
import { isCalicoObject } from '../core/calico';
import { ERRORS_SHOWN_PER_FILE, firstErrors, positionOf, parseLocatedYaml, type LocatedDocument } from './yaml-locations';
import type { InputFile } from '../util/input-file';

export const manifestYaml: Check = { id: 'manifest-yaml', severity: 'error', description: 'A manifest file parses (aliases expanding to at most 1,000 copies)' };

export const manifestObject: Check = {
  id: 'manifest-object',
  severity: 'error',
  alsoAs: ['info'],
  description: 'Each manifest document is an object with apiVersion and kind; objects that are not Calico objects are noted as not checked',
};

export interface ManifestObject {
  object: KubeObject;
  ref: string;
  file: string;
  document: LocatedDocument;
  /** pointer of the object inside its document ('' or `/items/<i>`) */
  base: string;
}

export function parseManifestFile(file: InputFile): { objects: ManifestObject[]; findings: Finding[] } {
  const parsed = parseLocatedYaml(file.text);
  const { shown, rest } = firstErrors(parsed.errors, file.display);
  const yamlError = (message: string, source: SourceLocation): Finding => ({ rule: manifestYaml.id, severity: manifestYaml.severity, cluster: '', object: '', path: '', message, source });
  const findings: Finding[] = shown.map((error) => yamlError(error.message, { file: file.display, line: error.position.line, column: error.position.column }));
  if (rest) findings.push(yamlError(rest, { file: file.display }));
  const objects: ManifestObject[] = [];
  let notObjects = 0;
  for (const document of parsed.documents) {
    for (const { item, base } of itemsOf(document)) {
      const where = positionOf(document, base)!;
      const source = { file: file.display, line: where.line, column: where.column };
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        // a text file given as manifests has a document per `---`: the first few tell the story
        if (++notObjects <= ERRORS_SHOWN_PER_FILE) findings.push({ rule: manifestObject.id, severity: 'error', cluster: '', object: '', path: base, message: NOT_AN_OBJECT, source });
      } else if (missingKeys(item).length > 0) {
        if (++notObjects <= ERRORS_SHOWN_PER_FILE) findings.push({ rule: manifestObject.id, severity: 'error', cluster: '', object: refOf(item), path: base, message: withoutKeys(item as Record<string, unknown>), source });
      } else if (!isCalicoObject(item)) {
        const apiVersion = String((item as Record<string, unknown>).apiVersion).slice(0, 100);
        findings.push({ rule: manifestObject.id, severity: 'info', cluster: '', object: refOf(item), path: '', message: `not a Calico object (apiVersion ${apiVersion}): not checked`, source });
      } else {
        objects.push({ object: item as KubeObject, ref: refOf(item), file: file.display, document, base });
      }
    }
  }
  if (notObjects > ERRORS_SHOWN_PER_FILE) {
    const more = (notObjects - ERRORS_SHOWN_PER_FILE).toLocaleString('en-US');
    findings.push({ rule: manifestObject.id, severity: 'error', cluster: '', object: '', path: '', message: `… and ${more} more documents in ${file.display} that are not Kubernetes objects: is it the manifest file you meant?`, source: { file: file.display } });
  }
  return { objects, findings };
}

const NOT_AN_OBJECT = 'a manifest document must be a Kubernetes object (a map with apiVersion, kind and metadata)';

const IDENTIFYING_KEYS = ['apiVersion', 'kind'] as const;

function missingKeys(item: object): (typeof IDENTIFYING_KEYS)[number][] {
  return IDENTIFYING_KEYS.filter((key) => typeof (item as Record<string, unknown>)[key] !== 'string' || (item as Record<string, string>)[key] === '');
}

/** A map without apiVersion or kind: nothing in it can be checked, so it is an error rather than skipped. */
function withoutKeys(item: Record<string, unknown>): string {
  const missing = missingKeys(item);
  const has = IDENTIFYING_KEYS.filter((key) => !missing.includes(key)).map((key) => `${key} ${JSON.stringify(String(item[key]).slice(0, 100))}`);
  const add = missing.map((key) => (key === 'apiVersion' ? 'apiVersion: crd.projectcalico.org/v1' : 'kind: IPPool (or its kind)'));
  return `a manifest document without ${missing.join(' and ')}${has.length > 0 ? ` (it has ${has.join('')})` : ''}: Kubernetes cannot tell what it is, and nothing in it is checked; add ${add.join(' and ')}`;
}

/** A document's objects: the items of a `List`, or the document itself. */
function itemsOf(document: LocatedDocument): { item: unknown; base: string }[] {
  const data = document.data;
  if (data === undefined || data === null) return [];
  if (typeof data === 'object' && !Array.isArray(data) && (data as Record<string, unknown>).kind === 'List' && Array.isArray((data as Record<string, unknown>).items)) {
    return ((data as Record<string, unknown>).items as unknown[]).map((item, index) => ({ item, base: `/items/${index}` }));
  }
  return [{ item: data, base: '' }];
}

export function locateInManifest(manifest: ManifestObject, path: string): SourceLocation {
  const position = positionOf(manifest.document, `${manifest.base}${path}`);
  return position ? { file: manifest.file, line: position.line, column: position.column } : { file: manifest.file };
}
