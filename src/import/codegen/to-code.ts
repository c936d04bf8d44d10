/** Plain model values → Code, with the comments the values tree had at each key. */
import { isPlainMap } from '../../util/merge';
import type { Comments } from '../values-file';
import { pointer } from '../mapper';
import { commentLines, literal, type Code } from './code';

/** Replaces the value at a path with other code (a router list → `allRouters`). */
export type Substitute = (path: readonly (string | number)[], value: unknown) => Code | undefined;

export function toCode(value: unknown, notes: ReadonlyMap<string, Comments>, substitute: Substitute = () => undefined, path: (string | number)[] = []): Code {
  const replaced = substitute(path, value);
  if (replaced) return replaced;
  if (Array.isArray(value)) {
    return {
      kind: 'array',
      items: value.map((item, index) => withComments({ value: toCode(item, notes, substitute, [...path, index]) }, notes.get(pointer([...path, index])))),
    };
  }
  if (isPlainMap(value)) {
    return {
      kind: 'object',
      entries: Object.entries(value).map(([key, item]) =>
        withComments({ key, value: toCode(item, notes, substitute, [...path, key]) }, notes.get(pointer([...path, key]))),
      ),
      closingComments: commentLines(notes.get(pointer(path))?.closing),
    };
  }
  return literal(value as string | number | boolean | null);
}

function withComments<T extends { value: Code }>(item: T, comments: Comments | undefined): T & { comments?: string[]; trailing?: string } {
  if (!comments) return item;
  return { ...item, comments: commentLines(comments.before), trailing: comments.trailing };
}
