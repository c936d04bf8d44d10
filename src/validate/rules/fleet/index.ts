import type { FleetRule } from '../../rule';
import { asNumberDuplicate, asNumberPublic } from './as-numbers';
import { poolOverlap } from './pool-overlap';
import { routerAddressMismatch } from './router-addresses';

/** Every rule across the clusters of the fleet (on FleetFacts summaries). */
export const fleetRules: readonly FleetRule[] = [poolOverlap, asNumberDuplicate, asNumberPublic, routerAddressMismatch];
