/**
 * One cluster to run through the steps, as a worker process takes it (or this process, for a
 * definition already in memory), and what is kept of its rendered files.
 */
import { SynthesisCache } from '../cache/synthesis-cache';
import type { Evaluated } from '../load/clusters';
import { isWritten } from '../output/files';
import type { ClusterResult, StepPlan } from './steps';

export type ClusterRequest = StepPlan & {
  name: string;
  /** absolute path of the definition file */
  file: string;
  /** a selected cluster's findings are reported; another's only give its fleet facts */
  required: boolean;
  /** the fleet's synthesis cache, where files to be written wait */
  cacheDir?: string;
  /** where the files will be written; without it nothing will be, and no files are kept */
  outDir?: string;
};

/**
 * Runs the steps after load. A result keeps its rendered files only when they must be written
 * and cannot wait in the cache: files already in the output folder, or waiting in the cache, are
 * read back only if they must be written, so that a fleet's output never sits in memory, nor is
 * copied between processes, all at once. Requires the steps at once: a worker does so while the
 * calling process still prepares the inputs (a run served by the cache never does).
 */
export function clusterRunner(): (request: ClusterRequest, evaluated: Evaluated) => ClusterResult {
  const { runSteps } = require('./steps') as typeof import('./steps');
  const caches = new Map<string, SynthesisCache>();
  const cacheFor = (dir: string) => caches.get(dir) ?? caches.set(dir, new SynthesisCache(dir)).get(dir)!;
  return (request, evaluated) => {
    const result = runSteps(request.name, request.file, evaluated, request);
    const { files, ...withoutFiles } = result;
    if (!files) return result;
    if (request.outDir === undefined) return withoutFiles;
    if (isWritten(request.outDir, request.name, files)) return { ...withoutFiles, alreadyWritten: true };
    if (request.cacheDir && cacheFor(request.cacheDir).storeFiles(result)) return withoutFiles;
    return result;
  };
}
