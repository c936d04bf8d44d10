/**
 * Several values files that become one TypeScript layer (common.yaml + common-bgp.yaml become the
 * fleet defaults; a cluster's values.yaml + calico-values.yaml become its definition). Unlike
 * mergeLayers, `~` survives: in the layer it must still remove what a lower layer set.
 */
import { isPlainMap } from '../util/merge';
import type { ImportProblem } from './errors';
import { formatKeyPath } from './errors';
import { hasPath, type KeyPath, type ValuesFile } from './values-file';

export interface ComposedLayer {
  data: Record<string, unknown>;
  /** the files, lowest priority first */
  files: readonly ValuesFile[];
}

export function composeFiles(files: readonly ValuesFile[], problems: ImportProblem[]): ComposedLayer {
  let data: Record<string, unknown> = {};
  for (const file of files) data = composeInto(data, file.data, [], file, problems);
  return { data, files };
}

function composeInto(base: Record<string, unknown>, overlay: Record<string, unknown>, at: KeyPath, file: ValuesFile, problems: ImportProblem[]): Record<string, unknown> {
  const result = { ...base };
  for (const [key, value] of Object.entries(overlay)) {
    const earlier = result[key];
    const path = [...at, key];
    if (isPlainMap(value) && isPlainMap(earlier)) {
      result[key] = composeInto(earlier, value, path, file, problems);
    } else if (isPlainMap(value) && earlier !== undefined) {
      // Helm would start this map afresh; one layer cannot both drop the lower value and merge over it
      problems.push({
        file: file.file,
        keyPath: formatKeyPath(path),
        line: file.lineOf(path),
        message: `sets a map where an earlier file of the same layer set ${earlier === null ? '~' : JSON.stringify(earlier)}: merge the two files' ${formatKeyPath(path)} by hand, then import again`,
      });
    } else {
      result[key] = value;
    }
  }
  return result;
}

/** The file that decides `path` in the layer: the last one that sets it or one of its parents. */
export function sourceOf(layer: ComposedLayer, path: KeyPath): ValuesFile {
  for (let depth = path.length; depth >= 0; depth--) {
    const prefix = path.slice(0, depth);
    for (let i = layer.files.length - 1; i >= 0; i--) {
      if (hasPath(layer.files[i]!.data, prefix)) return layer.files[i]!;
    }
  }
  return layer.files[layer.files.length - 1]!;
}

/** A problem at `path` of the layer, located in the file that sets it. */
export function problemAt(layer: ComposedLayer, path: KeyPath, message: string): ImportProblem {
  const file = sourceOf(layer, path);
  return { file: file.file, keyPath: formatKeyPath(path), line: file.lineOf(path), message };
}
