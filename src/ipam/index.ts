/**
 * Live IPAM analysis (issue 12): a cluster's blocks, affinities and allocations → per-pool figures,
 * findings, diff refusals and a page. Pure: readers hand objects to an IpamCollector (or a dump's
 * text to readIpamDump) and get everything back as values.
 */
import type { Finding } from '../core/findings';
import { liveFigures, type IpamFigures } from './analyse';
import { liveFindings } from './findings';
import type { IpamState, PoolGeometry } from './model';
import { blockOwnership } from './ownership';
import { poolMaps, type PoolMap } from './pool-map';
import { isMap } from './read-block';
import { readIpPool } from './read-objects';

export { liveFigures, type ClusterLiveFigures, type IpamFigures, type PoolLiveFigures } from './analyse';
export { IpamCollector, ipamKindOf, MALFORMED_RULE } from './collect';
export { IPAM_DUMP, readIpamDump } from './dump';
export { liveFindings, POOL_NEARLY_FULL, POOL_NO_ROOM } from './findings';
export { ipamPage, type IpamPageCluster } from './html';
export { clusterLiveJson, poolLiveJson, type PoolLiveJson } from './json';
export { IPAM_KINDS, type IpamBlock, type IpamKind, type IpamState, type ObjectOrigin, type PoolGeometry } from './model';
export { poolMaps, type PoolMap } from './pool-map';
export { IPAM_REFUSAL_RULES, ipamRefusals, type IpamRefusal, type IpamRefusalInput, type PoolChange } from './refusals';

export interface LiveIpamAnalysis {
  figures: IpamFigures;
  maps: PoolMap[];
  /** the state's malformed-object warnings, then the pools' findings */
  findings: Finding[];
}

export interface LiveIpamOptions {
  cluster: string;
  /** the pools to report on (the definition's); the cluster's own IPPools when left out */
  pools?: readonly PoolGeometry[];
  /** the definition's capacity.expectedNodes */
  expectedNodes?: number;
}

export function analyseLiveIpam(state: IpamState, options: LiveIpamOptions): LiveIpamAnalysis {
  const pools = options.pools ?? state.pools;
  const ownership = blockOwnership(pools, state);
  const figures = liveFigures(state, pools, ownership);
  return {
    figures,
    maps: poolMaps(state, pools, ownership),
    findings: [...state.warnings, ...liveFindings(figures, { cluster: options.cluster, ...(options.expectedNodes !== undefined ? { expectedNodes: options.expectedNodes } : {}) })],
  };
}

/** An IPPool object (desired or live) as a geometry; undefined when Calico could not use it. */
export function poolGeometry(object: { metadata: { name: string }; spec?: unknown }, report: (path: string, message: string) => void = () => {}): PoolGeometry | undefined {
  return isMap(object.spec) ? readIpPool(object.metadata.name, object.spec, report) : undefined;
}
