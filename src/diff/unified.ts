/** Unified diffs of objects and values, rendered as YAML with sorted keys so both sides line up. */
import { createTwoFilesPatch } from 'diff';
import { stringify } from 'yaml';

export const CONTEXT_LINES = 3;

export function yamlText(value: unknown): string {
  if (value === undefined) return '';
  return stringify(value, { sortMapEntries: true, lineWidth: 0, aliasDuplicateObjects: false });
}

/** `--- a` / `+++ b` / hunks, without the `=====` line the diff package puts first. */
export function unifiedDiff(oldName: string, newName: string, oldText: string, newText: string): string {
  const patch = createTwoFilesPatch(oldName, newName, oldText, newText, undefined, undefined, { context: CONTEXT_LINES });
  return patch.replace(/^=+\n/, '');
}

export function objectLabel(object: { kind: string; metadata: { name: string; namespace?: string } }): string {
  const namespace = object.metadata.namespace ? `${object.metadata.namespace}/` : '';
  return `${object.kind}/${namespace}${object.metadata.name}`;
}

/** live → desired; a side that does not exist is /dev/null, as git shows an added or removed file. */
export function objectPatch(subject: { kind: string; metadata: { name: string; namespace?: string } }, live: unknown, desired: unknown): string {
  const label = objectLabel(subject);
  return unifiedDiff(live === undefined ? '/dev/null' : `live/${label}`, desired === undefined ? '/dev/null' : `desired/${label}`, yamlText(live), yamlText(desired));
}
