/**
 * A parsed YAML document's value. The parser reports syntax errors in `document.errors`, but an
 * alias with no anchor, or more aliases than any values file needs (an alias bomb), only throw when
 * the value is built: that is the file's fault, to be reported where it is, not a crash.
 */
import type { Document } from 'yaml';
import { describeError } from './errors';

export const MAX_ALIASES = 1000;

export function yamlValue(document: Document.Parsed | Document): { value: unknown } | { reason: string } {
  try {
    return { value: document.toJS({ maxAliasCount: MAX_ALIASES }) as unknown };
  } catch (error) {
    const message = describeError(error).split('\n')[0]!;
    if (/excessive alias count/i.test(message)) {
      return { reason: `its aliases (*name) expand to more than ${MAX_ALIASES} copies, as an alias bomb does: write the repeated values out, or use fewer aliases` };
    }
    return { reason: message };
  }
}
