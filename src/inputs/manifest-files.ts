/**
 * Hand-written Calico manifests: multi-document YAML of crd.projectcalico.org/v1 objects (a `List`
 * of them too, as `kubectl get -o yaml` writes), each object with the place of every field.
 */
import { type KubeObject, refOf } from '../core/kube';
import type { Check, Finding, SourceLocation } from '../core/findings';
import { isCalicoObject } from '../core/calico';
import { positionOf, parseLocatedYaml, type LocatedDocument } from './yaml-locations';
import type { InputFile } from '../util/input-file';

export const manifestYaml: Check = { id: 'manifest-yaml', severity: 'error', description: 'A manifest file parses' };

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
  const findings: Finding[] = parsed.errors.map((error) => ({
    rule: manifestYaml.id,
    severity: manifestYaml.severity,
    cluster: '',
    object: '',
    path: '',
    message: `YAML syntax error: ${error.message}`,
    source: { file: file.display, line: error.position.line, column: error.position.column },
  }));
  const objects: ManifestObject[] = [];
  for (const document of parsed.documents) {
    if (document.data === undefined || document.data === null) continue;
    const data = document.data as Record<string, unknown>;
    if (data && typeof data === 'object' && !Array.isArray(data) && data.kind === 'List' && Array.isArray(data.items)) {
      data.items.forEach((item, index) => collect(item, `/items/${index}`));
    } else {
      collect(document.data, '');
    }
    function collect(item: unknown, base: string): void {
      const where = positionOf(document, base)!;
      const source = { file: file.display, line: where.line, column: where.column };
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        findings.push({ rule: manifestObject.id, severity: 'error', cluster: '', object: '', path: base, message: 'a manifest document must be a Kubernetes object (a map with apiVersion, kind and metadata)', source });
        return;
      }
      const missing = (['apiVersion', 'kind'] as const).filter((key) => typeof (item as Record<string, unknown>)[key] !== 'string' || (item as Record<string, string>)[key] === '');
      if (missing.length > 0) {
        const has = (['apiVersion', 'kind'] as const).filter((key) => !missing.includes(key)).map((key) => `${key} ${JSON.stringify((item as Record<string, unknown>)[key])}`);
        findings.push({
          rule: manifestObject.id,
          severity: 'error',
          cluster: '',
          object: refOf(item),
          path: base,
          message: `a manifest document without ${missing.join(' and ')}${has.length > 0 ? ` (it has ${has.join('')})` : ''}: Kubernetes cannot tell what it is, and nothing in it is checked; add ${missing.map((key) => (key === 'apiVersion' ? 'apiVersion: crd.projectcalico.org/v1' : 'kind: IPPool (or its kind)')).join(' and ')}`,
          source,
        });
        return;
      }
      if (!isCalicoObject(item)) {
        const apiVersion = (item as Record<string, unknown>).apiVersion as string;
        findings.push({ rule: manifestObject.id, severity: 'info', cluster: '', object: refOf(item), path: '', message: `not a Calico object (apiVersion ${apiVersion}): not checked`, source });
        return;
      }
      objects.push({ object: item as KubeObject, ref: refOf(item), file: file.display, document, base });
    }
  }
  return { objects, findings };
}

export function locateInManifest(manifest: ManifestObject, path: string): SourceLocation {
  const position = positionOf(manifest.document, `${manifest.base}${path}`);
  return position ? { file: manifest.file, line: position.line, column: position.column } : { file: manifest.file };
}
