/** Unified diffs of objects and values, rendered as YAML with sorted keys so both sides line up. */
import { createTwoFilesPatch, diffArrays, formatPatch, type StructuredPatchHunk } from 'diff';
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

/**
 * unifiedDiff of two texts given as their lines (each text: its lines, each ending in a newline;
 * no line holds one). The diff package's algorithm runs on the lines as they are, which skips
 * splitting the texts and joining the runs of lines they share: the output is unifiedDiff's.
 */
export function unifiedDiffOfLines(oldName: string, newName: string, oldLines: readonly string[], newLines: readonly string[]): string {
  const changes = diffArrays(oldLines as string[], newLines as string[]);
  const patch = formatPatch({ oldFileName: oldName, newFileName: newName, oldHeader: undefined, newHeader: undefined, hunks: hunksOf(changes) });
  return patch.replace(/^=+\n/, '');
}

type LineChange = { added: boolean; removed: boolean; value: string[] };

/** The hunks of a line diff: each run of changes with CONTEXT_LINES around it, runs that close joined, as the diff package makes them. */
function hunksOf(changes: readonly LineChange[]): StructuredPatchHunk[] {
  const hunks: StructuredPatchHunk[] = [];
  let open: StructuredPatchHunk | undefined;
  let [oldLine, newLine] = [1, 1];
  changes.forEach((change, i) => {
    if (change.added || change.removed) {
      if (!open) {
        const before = i > 0 ? changes[i - 1]!.value.slice(-CONTEXT_LINES).map((line) => ` ${line}`) : [];
        open = { oldStart: oldLine - before.length, oldLines: 0, newStart: newLine - before.length, newLines: 0, lines: before };
      }
      for (const line of change.value) open.lines.push(`${change.added ? '+' : '-'}${line}`);
      if (change.added) newLine += change.value.length;
      else oldLine += change.value.length;
      return;
    }
    if (open) {
      const last = i === changes.length - 1;
      const shown = !last && change.value.length <= 2 * CONTEXT_LINES ? change.value.length : Math.min(change.value.length, CONTEXT_LINES);
      for (const line of change.value.slice(0, shown)) open.lines.push(` ${line}`);
      if (shown < change.value.length || last) {
        hunks.push({ ...open, oldLines: oldLine - open.oldStart + shown, newLines: newLine - open.newStart + shown });
        open = undefined;
      }
    }
    oldLine += change.value.length;
    newLine += change.value.length;
  });
  if (open) hunks.push({ ...open, oldLines: oldLine - open.oldStart, newLines: newLine - open.newStart });
  return hunks;
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
