import type { FleetRule } from '../../rule';
import { asNumberDuplicate, asNumberPublic } from './as-numbers';
import { poolOverlap } from './pool-overlap';
import { routerAddressMismatch } from './router-addresses';
import { serviceRangeOverlap } from './service-ranges';

/** Every rule across the clusters of the fleet (on FleetFacts summaries). */
export const fleetRules: readonly FleetRule[] = [poolOverlap, serviceRangeOverlap, asNumberDuplicate, asNumberPublic, routerAddressMismatch];
