import type { ObjectRule } from '../../rule';
import { asNumber } from './as-number';
import { bgpconfigBindMode } from './bgpconfig-bind-mode';
import { bgpconfigClusterOnlyFields } from './bgpconfig-cluster-only-fields';
import { bgpconfigCommunity, bgpconfigCommunityUnused } from './bgpconfig-communities';
import { bgpconfigIgnoredInterfaces } from './bgpconfig-ignored-interfaces';
import { bgpconfigListenPort } from './bgpconfig-listen-port';
import { bgpconfigLocalWorkloadPeeringIp } from './bgpconfig-local-workload-peering-ip';
import { bgpconfigLogSeverity } from './bgpconfig-log-severity';
import { bgpconfigMeshDisabledFields } from './bgpconfig-mesh-disabled-fields';
import { bgpconfigPrefixAdvertisement } from './bgpconfig-prefix-advertisements';
import { bgpconfigServiceCidrs } from './bgpconfig-service-cidrs';
import { bgppeerNextHopMode, bgppeerReversePeering, bgppeerSourceAddress } from './bgppeer-enums';
import {
  bgppeerAsNumberWithPeerSelector,
  bgppeerNodeAndNodeSelector,
  bgppeerPeerIpAndPeerSelector,
} from './bgppeer-exclusive-fields';
import { bgppeerKeepOriginalNextHop } from './bgppeer-keep-original-next-hop';
import { bgppeerLocalWorkloadSelector } from './bgppeer-local-workload-selector';
import { bgppeerNumAllowedLocalAsNumbers, bgppeerTtlSecurity } from './bgppeer-numbers';
import { bgppeerPeerIp, bgppeerPeerIpUnbracketedPort } from './bgppeer-peer-ip';
import { bgppeerReachableBy } from './bgppeer-reachable-by';
import { bgppeerReferenceNames } from './bgppeer-reference-names';
import { duration } from './duration';
import { fieldTypes } from './field-types';
import { ipamconfigMaxBlocksPerHost, ipamconfigMaxBlocksPerHostCap, ipamconfigName } from './ipamconfig';
import { ippoolAllowedUses, ippoolLoadBalancer } from './ippool-allowed-uses';
import { ippoolAssignmentMode } from './ippool-assignment-mode';
import { ippoolBlockSize, ippoolSmallerThanBlock } from './ippool-block-size';
import { ippoolCidr, ippoolCidrCanonical, ippoolCidrLinkLocal, ippoolCidrStrictMask } from './ippool-cidr';
import {
  ippoolBothEncapsulations,
  ippoolIpipMode,
  ippoolIpipOnIpv6,
  ippoolVxlanMode,
} from './ippool-encapsulation';
import { ippoolLegacyFields } from './ippool-legacy-fields';
import { ippoolNodeSelectorGlobal } from './ippool-node-selector-global';
import { metadataLabels } from './metadata-labels';
import { requiredFields } from './required-fields';
import { resourceName } from './resource-name';
import { selectorSyntax } from './selector-syntax';
import { unknownFields } from './unknown-fields';

/** Every rule on a single Calico object (IPPool, BGPPeer, BGPConfiguration, IPAMConfig). */
export const objectRules: readonly ObjectRule[] = [
  // any Calico kind
  resourceName,
  metadataLabels,
  unknownFields,
  fieldTypes,
  requiredFields,
  selectorSyntax,
  asNumber,
  duration,
  // IPPool
  ippoolCidr,
  ippoolCidrStrictMask,
  ippoolCidrCanonical,
  ippoolCidrLinkLocal,
  ippoolBlockSize,
  ippoolSmallerThanBlock,
  ippoolIpipMode,
  ippoolVxlanMode,
  ippoolBothEncapsulations,
  ippoolIpipOnIpv6,
  ippoolAllowedUses,
  ippoolLoadBalancer,
  ippoolAssignmentMode,
  ippoolLegacyFields,
  ippoolNodeSelectorGlobal,
  // BGPPeer
  bgppeerNodeAndNodeSelector,
  bgppeerPeerIpAndPeerSelector,
  bgppeerAsNumberWithPeerSelector,
  bgppeerLocalWorkloadSelector,
  bgppeerPeerIp,
  bgppeerPeerIpUnbracketedPort,
  bgppeerKeepOriginalNextHop,
  bgppeerNextHopMode,
  bgppeerReversePeering,
  bgppeerSourceAddress,
  bgppeerReachableBy,
  bgppeerTtlSecurity,
  bgppeerNumAllowedLocalAsNumbers,
  bgppeerReferenceNames,
  // BGPConfiguration
  bgpconfigCommunity,
  bgpconfigCommunityUnused,
  bgpconfigPrefixAdvertisement,
  bgpconfigClusterOnlyFields,
  bgpconfigMeshDisabledFields,
  bgpconfigLogSeverity,
  bgpconfigServiceCidrs,
  bgpconfigListenPort,
  bgpconfigIgnoredInterfaces,
  bgpconfigLocalWorkloadPeeringIp,
  bgpconfigBindMode,
  // IPAMConfig
  ipamconfigName,
  ipamconfigMaxBlocksPerHost,
  ipamconfigMaxBlocksPerHostCap,
];
