/**
 * The Calico objects the chart creates from its values, with the classes `cdk8s import`
 * generated from the v3.30 CRDs; the BGPPeers have a chart of their own (bgp-peers-chart.ts).
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
import type { ChartInput } from './context';
import { chartLabels } from './context';
import type { IpPoolValues } from '../src/model/chart-values';

export class CalicoResources extends Construct {
  constructor(scope: Construct, id: string, input: ChartInput) {
    super(scope, id);
    const labels = chartLabels(input);
    const values = input.values;
    // `IPPools: ~` (likewise the other maps) removes the chart's default: Helm ranges over nothing
    for (const [name, pool] of Object.entries(values.IPPools ?? {})) {
      new IpPool(this, `ippool-${name}`, { metadata: { name, labels }, spec: ipPoolSpec(pool) });
    }
    if (Object.keys(values.BGPConfiguration ?? {}).length > 0) {
      new BgpConfiguration(this, 'bgpconfiguration', { metadata: { name: 'default', labels }, spec: bgpConfigurationSpec(input) });
    }
    new IpamConfig(this, 'ipamconfig', {
      metadata: { name: 'default', labels },
      spec: {
        autoAllocateBlocks: values.IPAMConfig.autoAllocateBlocks,
        maxBlocksPerHost: values.IPAMConfig.maxBlocksPerHost,
        strictAffinity: values.IPAMConfig.strictAffinity,
      },
    });
    for (const [name, spec] of Object.entries(values.GlobalNetworkPolicies ?? {})) {
      // the chart copies a policy spec verbatim; the typed props would drop what they do not model
      new ApiObject(this, `globalnetworkpolicy-${name}`, { ...GlobalNetworkPolicy.GVK, metadata: { name, labels }, spec });
    }
  }
}

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
function bgpConfigurationSpec(input: ChartInput): BgpConfigurationSpec {
  const { localWorkloadPeeringIPV4, localWorkloadPeeringIPV6, ...rest } = input.values.BGPConfiguration;
  const prefixAdvertisements =
    rest.prefixAdvertisements ??
    Object.values(input.values.IPPools ?? {}).map((pool) => ({ cidr: pool.cidr, communities: [input.values.GenericBGPCommunity] }));
  return {
    ...(rest as BgpConfigurationSpec),
    localWorkloadPeeringIpv4: localWorkloadPeeringIPV4 as string | undefined,
    localWorkloadPeeringIpv6: localWorkloadPeeringIPV6 as string | undefined,
    prefixAdvertisements,
  };
}
