/** The built-in normalisation rules, in the order they apply. */
import type { NormalisationRule } from './rule';
import { calicoRules } from './calico';
import { kubernetesRules } from './kubernetes';
import { metadataRules } from './metadata';

export const builtInNormalisationRules: readonly NormalisationRule[] = [...metadataRules, ...kubernetesRules, ...calicoRules];
