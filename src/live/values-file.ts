/** Offline deployed values: what `helm get values <release> -o yaml` prints. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { UserError } from '../util/errors';
import { yamlReason } from './dump';
import { yamlValue } from '../util/yaml-value';

export function readLiveValues(file: string, cwd: string): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new UserError(`--live-values ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  // without -o yaml, helm prints a heading first
  const body = text.replace(/^USER-SUPPLIED VALUES:\s*\n/, '');
  const document = parseDocument(body);
  const error = document.errors[0];
  if (error) {
    const at = error.linePos?.[0];
    throw new UserError(`${file}${at ? `:${at.line}:${at.col}` : ''}: not valid YAML: ${yamlReason(error.message)}`);
  }
  const built = yamlValue(document);
  if ('reason' in built) throw new UserError(`${file}: not valid YAML: ${built.reason}`);
  const values = built.value;
  // a release installed without values prints `null`
  if (values === null || values === undefined) return {};
  if (typeof values !== 'object' || Array.isArray(values)) {
    throw new UserError(`${file}: not a map of values: expected what \`helm get values <release> -o yaml\` prints`);
  }
  return values as Record<string, unknown>;
}
