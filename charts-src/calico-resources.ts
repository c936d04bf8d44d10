/**
 * The Calico objects the chart creates from its values, with the classes `cdk8s import`
 * generated from the v3.30 CRDs, in three parts: the IP pools with the BGPConfiguration that
 * advertises them (every cluster has its own), the IPAMConfig, and the global network policies
 * (both mostly shared by a group). The BGPPeers have a part of their own (bgp-peers-chart.ts).
 */
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import {
  BgpConfiguration,
  BgpConfigurationSpec,
  GlobalNetworkPolicy,
  IpamConfig,
  IpPool,
  IpPoolSpec,
} from './imports/crd.projectcalico.org';
import { chartLabels } from './context';
import { chartPart } from './part';
import type { BgpConfigurationValues, CalicoValues, IpPoolValues } from '../src/model/chart-values';

type Labels = Record<string, string>;

export interface IpPoolsInput {
  pools: Record<string, IpPoolValues>;
  bgpConfiguration: BgpConfigurationValues;
  community: string;
  labels: Labels;
}

export const ipPoolsPart = chartPart<IpPoolsInput>({
  id: 'ippools',
  // `IPPools: ~` (likewise the other maps) removes the chart's default: Helm ranges over nothing
  input: (chart) => ({ pools: chart.values.IPPools ?? {}, bgpConfiguration: chart.values.BGPConfiguration, community: chart.values.GenericBGPCommunity, labels: chartLabels(chart) }),
  add(scope, id, input) {
    const parent = new Construct(scope, id);
    for (const [name, pool] of Object.entries(input.pools)) {
      new IpPool(parent, `ippool-${name}`, { metadata: { name, labels: input.labels }, spec: ipPoolSpec(pool) });
    }
    if (Object.keys(input.bgpConfiguration ?? {}).length > 0) {
      new BgpConfiguration(parent, 'bgpconfiguration', { metadata: { name: 'default', labels: input.labels }, spec: bgpConfigurationSpec(input) });
    }
  },
});

export interface IpamInput {
  ipam: CalicoValues['IPAMConfig'];
  labels: Labels;
}

export const ipamPart = chartPart<IpamInput>({
  id: 'ipam',
  input: (chart) => ({
    ipam: {
      autoAllocateBlocks: chart.values.IPAMConfig.autoAllocateBlocks,
      maxBlocksPerHost: chart.values.IPAMConfig.maxBlocksPerHost,
      strictAffinity: chart.values.IPAMConfig.strictAffinity,
    },
    labels: chartLabels(chart),
  }),
  add(scope, id, input) {
    new IpamConfig(new Construct(scope, id), 'ipamconfig', { metadata: { name: 'default', labels: input.labels }, spec: input.ipam });
  },
});

export interface PoliciesInput {
  policies: Record<string, Record<string, unknown>>;
  labels: Labels;
}

export const policiesPart = chartPart<PoliciesInput>({
  id: 'policies',
  input: (chart) => ({ policies: chart.values.GlobalNetworkPolicies ?? {}, labels: chartLabels(chart) }),
  add(scope, id, input) {
    const parent = new Construct(scope, id);
    for (const [name, spec] of Object.entries(input.policies)) {
      // the chart copies a policy spec verbatim; the typed props would drop what they do not model
      new ApiObject(parent, `globalnetworkpolicy-${name}`, { ...GlobalNetworkPolicy.GVK, metadata: { name, labels: input.labels }, spec });
    }
  },
});

/**
 * The chart copies a pool's spec and adds `vxlanMode: Never` and `ipipMode: Never` where it sets
 * neither. Keys go through the generated props, whose names differ from the JSON ones.
 */
function ipPoolSpec(pool: IpPoolValues): IpPoolSpec {
  const { disableBGPExport, ...rest } = pool;
  return {
    ...(rest as IpPoolSpec),
    ipipMode: pool.ipipMode ?? 'Never',
    vxlanMode: pool.vxlanMode ?? 'Never',
    disableBgpExport: disableBGPExport,
  };
}

/**
 * The chart copies BGPConfiguration as written and, when it names no prefixAdvertisements,
 * advertises every pool with the generic community.
 */
function bgpConfigurationSpec(input: IpPoolsInput): BgpConfigurationSpec {
  const { localWorkloadPeeringIPV4, localWorkloadPeeringIPV6, ...rest } = input.bgpConfiguration;
  const prefixAdvertisements = rest.prefixAdvertisements ?? Object.values(input.pools).map((pool) => ({ cidr: pool.cidr, communities: [input.community] }));
  return {
    ...(rest as BgpConfigurationSpec),
    localWorkloadPeeringIpv4: localWorkloadPeeringIPV4 as string | undefined,
    localWorkloadPeeringIpv6: localWorkloadPeeringIPV6 as string | undefined,
    prefixAdvertisements,
  };
}
