/**
 * A cluster's live IPAM state, for `capacity --live` and `diff`: through the Kubernetes API, each
 * kind listed page by page and every page handed to the IPAM collector and dropped (a 5,000-node
 * cluster's blocks are never one list in memory), or from a saved dump.
 */
import { CALICO_API_VERSION } from '../core/calico';
import { IpamCollector, ipamKindOf, readIpamDump, type IpamState } from '../ipam';
import { mapBounded } from '../live/concurrency';
import { Discovery, listKindPages, type PagedKind } from '../live/pages';
import type { ApiClient } from '../live/transport';
import { readInputFile } from '../util/input-file';
import * as path from 'node:path';

/** What the IPAM read lists, cluster-wide: the permissions deploy/calico-gen-reader-rbac.yaml grants for it. */
export const IPAM_LISTS: readonly PagedKind[] = [
  { apiVersion: 'v1', kind: 'Node' },
  ...['IPPool', 'IPAMBlock', 'BlockAffinity', 'IPAMHandle', 'IPAMConfig'].map((kind) => ({ apiVersion: CALICO_API_VERSION, kind })),
];

/** Lists in flight at once: the blocks and the handles are the long ones. */
const CONCURRENT_LISTS = 3;

export async function readIpamFromApi(client: ApiClient, cluster: string, release: { namespace: string }): Promise<IpamState> {
  const collector = new IpamCollector(cluster);
  const discovery = new Discovery(client);
  const results = await mapBounded(IPAM_LISTS, CONCURRENT_LISTS, async (kind) => {
    // a kind the server does not serve has no objects: read, and empty
    if (!(await listKindPages(client, discovery, kind, (page) => collector.addList(page)))) collector.markRead(ipamKindOf(kind.apiVersion, kind.kind)!);
  });
  for (const result of results) if (result.status === 'rejected') throw result.reason;
  // the running Calico version: calico-node's image, in the release namespace
  const calicoNode: PagedKind = { apiVersion: 'apps/v1', kind: 'DaemonSet', namespace: release.namespace, query: { fieldSelector: 'metadata.name=calico-node' } };
  await listKindPages(client, discovery, calicoNode, (page) => collector.addList(page));
  return collector.finish();
}

/** `--live-file` for capacity: the dump's IPAM state (a dump without nodes is refused), and the file as messages name it. */
export function readIpamFile(file: string, cwd: string, cluster: string, maxInputBytes?: number): { state: IpamState; shown: string } {
  // the size limit is checked before a byte is read (the fast dump reader parses what this returns)
  const input = readInputFile(file, cwd, '--live-file', maxInputBytes);
  const relative = path.relative(cwd, input.path);
  const shown = relative && !relative.startsWith('..') ? relative : input.path;
  return { state: readIpamDump(input.text, shown, cluster), shown };
}
