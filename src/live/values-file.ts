/** Offline deployed values: what `helm get values <release> -o yaml` prints. */
import { readInputFile } from '../util/input-file';
import { parseDocument } from 'yaml';
import { UserError } from '../util/errors';
import { notValidYaml } from './dump';
import { yamlValue } from '../util/yaml-value';

export function readLiveValues(file: string, cwd: string, maxInputBytes?: number): Record<string, unknown> {
  const { text } = readInputFile(file, cwd, '--live-values', maxInputBytes);
  // without -o yaml, helm prints a heading first
  const body = text.replace(/^USER-SUPPLIED VALUES:\s*\n/, '');
  const document = parseDocument(body);
  const error = document.errors[0];
  if (error) {
    throw notValidYaml(file, error);
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
