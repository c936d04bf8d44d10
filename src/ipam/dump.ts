/** A saved dump's IPAM state, read object by object with the fast dump reader of core/dump. */
import { forEachDumpObject, type VisitObject } from '../core/dump';
import { UserError } from '../util/errors';
import { IpamCollector } from './collect';
import type { IpamState } from './model';

/** What an IPAM dump must hold, and how to make one. */
export const IPAM_DUMP = 'expected what `kubectl get nodes,ippools,ipamblocks,blockaffinities,ipamhandles,ipamconfigs -o yaml` (or -o json) prints';

/**
 * The IPAM state in a dump. Objects of other kinds go to `others` (diff reads them from the same
 * file). A dump without nodes cannot say which nodes are gone, so it is refused.
 */
export function readIpamDump(text: string, file: string, cluster: string, others?: VisitObject): IpamState {
  const collector = new IpamCollector(cluster);
  forEachDumpObject(text, file, (object, origin) => {
    if (!collector.add(object, origin)) others?.(object, origin);
  }, IPAM_DUMP);
  const state = collector.finish();
  if (!state.kinds.has('Node')) throw new UserError(`${file}: no Node objects, so nodes that are gone cannot be told from nodes that exist: ${IPAM_DUMP}`);
  return state;
}
