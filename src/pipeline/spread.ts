/**
 * Where the requests run. Over every core: helpers start loading at once, while this thread sends
 * the definitions to esbuild and loads the same steps, then runs each cluster as soon as its
 * definition is transpiled; the helpers join, with the code, when all are. Or here, in this
 * thread, when the results keep objects that must stay shared instances (review, diff).
 */
import * as path from 'node:path';
import { listSharedModules, prepareLoading, transpileCacheDir } from '../load/clusters';
import { transpileAhead } from '../load/transpile';
import { UserError } from '../util/errors';
import { clusterRunner, type ClusterRequest } from './requests';
import type { ClusterResult } from './steps';
import { helperCount, shareWork } from './threads';

export async function runSpread(requests: readonly ClusterRequest[], clustersDir: string, threads?: number, onResult?: () => void): Promise<ClusterResult[]> {
  if (requests.length === 0) return [];
  const work = shareWork<ClusterRequest, ClusterResult>(path.join(__dirname, 'helper-thread.js'), requests, helperCount(requests.length, threads), onResult);
  try {
    const shared = listSharedModules(clustersDir);
    const transpiled = transpileAhead([...shared, ...requests.map(fileOf)], transpileCacheDir());
    const run = clusterRunner();
    // every definition imports some of them: they go first
    await Promise.all(shared.map((file) => transpiled.ready.get(file)));
    void transpiled.all.then(work.open);
    return await work.run(run, (request) => transpiled.ready.get(fileOf(request)));
  } catch (error) {
    // a helper's UserError arrives as a plain Error carrying the name
    if (error instanceof Error && error.name === 'UserError' && !(error instanceof UserError)) throw new UserError(error.message);
    throw error;
  } finally {
    work.stop();
  }
}

/**
 * In this thread, every definition transpiled in one esbuild call first. Nothing is written in the
 * background: review deletes its transpile cache when it ends, and a late write would bring it back.
 */
export function runHere(requests: readonly ClusterRequest[], clustersDir: string | undefined, onResult?: () => void): ClusterResult[] {
  if (requests.length === 0) return [];
  const files = requests.filter((request) => !('definition' in request)).map(fileOf);
  if (files.length > 0 && clustersDir !== undefined) prepareLoading([...listSharedModules(clustersDir), ...files]);
  const run = clusterRunner();
  return requests.map((request) => {
    const result = run(request);
    onResult?.();
    return result;
  });
}

const fileOf = (request: ClusterRequest) => request.file;
