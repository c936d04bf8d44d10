import type { ClusterRule } from '../../rule';
import { maxBlocksPerHostTooLow, poolCapacityRule } from './capacity';
import { dualStackPoolMissing, ipPoolMissing, ipv6PoolWithoutIpv6Support } from './dual-stack';
import { imageTagNotVersion, imageTagPrefix, ipamBlocksNeverReleased } from './image';
import { peerIpDuplicate, peerIpInPodPool } from './peers';
import { poolOverlapInCluster } from './pool-overlap-in-cluster';
import { prefixAdvertisementOutsidePools } from './prefix-advertisements';
import { resourcesRequestAboveLimit } from './resources';
import { siteWithoutRouter } from './site';
import { strictAffinityRequired } from './strict-affinity';
import { valuesKeyUnread } from './unread-keys';
import { vethMtuRange } from './veth-mtu';

/** Every rule on one cluster as a whole (values and all Calico objects together). */
export const clusterRules: readonly ClusterRule[] = [
  poolOverlapInCluster,
  dualStackPoolMissing,
  ipv6PoolWithoutIpv6Support,
  ipPoolMissing,
  strictAffinityRequired,
  peerIpDuplicate,
  peerIpInPodPool,
  prefixAdvertisementOutsidePools,
  imageTagPrefix,
  imageTagNotVersion,
  ipamBlocksNeverReleased,
  vethMtuRange,
  resourcesRequestAboveLimit,
  valuesKeyUnread,
  poolCapacityRule,
  maxBlocksPerHostTooLow,
  siteWithoutRouter,
];
