/**
 * One cluster to run through the steps, as the calling thread and the helper threads take it,
 * and what is kept of its rendered files.
 */
import * as path from 'node:path';
import { SynthesisCache } from '../cache/synthesis-cache';
import { isWritten } from '../output/files';
import { UserError } from '../util/errors';
import type { ClusterResult, DefinitionSource, StepPlan } from './steps';

export type ClusterRequest = DefinitionSource &
  StepPlan & {
    /** a selected cluster's load error aborts the run; another's only costs its fleet facts */
    required: boolean;
    /** the fleet's synthesis cache, where files to be written wait */
    cacheDir?: string;
    /** where the files will be written; without it nothing will be, and no files are kept */
    outDir?: string;
  };

/**
 * Runs requests one at a time; what a helper thread runs. A result keeps its rendered files only
 * when they must be written and cannot wait in the cache: files already in the output folder, or
 * waiting in the cache, are read back only if they must be written, so that a fleet's output never
 * sits in memory, nor is copied between threads, all at once. Requires the steps at once: a helper
 * does so while the calling thread still prepares the inputs (a run served by the cache never does).
 */
export function clusterRunner(): (request: ClusterRequest) => ClusterResult {
  const { runSteps } = require('./steps') as typeof import('./steps');
  const caches = new Map<string, SynthesisCache>();
  const cacheFor = (dir: string) => caches.get(dir) ?? caches.set(dir, new SynthesisCache(dir)).get(dir)!;
  return (request) => {
    let result: ClusterResult;
    try {
      result = runSteps(request, request);
    } catch (error) {
      if (request.required || !(error instanceof UserError)) throw error;
      return { cluster: request.name, definitionFile: path.relative(process.cwd(), request.file), dependencies: [], findings: [] };
    }
    const { files, ...withoutFiles } = result;
    if (!files) return result;
    if (request.outDir === undefined) return withoutFiles;
    if (isWritten(request.outDir, request.name, files)) return { ...withoutFiles, alreadyWritten: true };
    if (request.cacheDir && cacheFor(request.cacheDir).storeFiles(result)) return withoutFiles;
    return result;
  };
}
