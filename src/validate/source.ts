/**
 * A cluster to validate, whatever it was written as: a definition (already synthesised) here, or
 * hand-written values files and Calico manifests (./sources.ts). Each becomes the same ClusterInput
 * for the rules, plus a way to say where a finding's object and field were written. Apart from the
 * hand-written side so that checking definitions never loads a YAML parser.
 */
import type { SynthesizedCluster } from '../synth/synthesize';
import { effectiveValues, type EffectiveValues } from '../model/chart-defaults';
import type { DefinitionRef, Finding, SourceLocation } from '../core/findings';
import { refOf } from '../resolve/resolve';
import { definitionPathOf, pointerSegments } from '../values/definition-paths';
import { valuesPointerFor } from '../values/object-to-values';
import { DEFAULT_MAX_PODS_PER_NODE, type ClusterCapacityHints, type ClusterInput } from './rules/cluster/input';

export interface ClusterSource {
  input: ClusterInput;
  /** false when the chart could not render the values: rules on the cluster as a whole would guess */
  rendered: boolean;
  /** where the finding's object and field were written */
  locate(object: string, path: string): SourceLocation | undefined;
  /** where in a definition they were written, to be looked up when a finding is reported */
  definedAt?(object: string, path: string): DefinitionRef | undefined;
  /** problems met while turning the input into a cluster (the chart could not render the values) */
  findings: Finding[];
}

/** `effective`: effectiveValues(synthesized.values), when the caller has it (the synth step made it for the chart). */
export function definitionSource(synthesized: SynthesizedCluster, effective: EffectiveValues = effectiveValues(synthesized.values)): ClusterSource {
  const spec = synthesized.cluster.spec;
  const source = { file: synthesized.cluster.definitionFile };
  return {
    input: {
      name: synthesized.cluster.name,
      values: effective,
      objects: synthesized.manifests,
      capacity: hints(spec.capacity?.expectedNodes, spec.capacity?.maxPodsPerNode),
      site: spec.site,
    },
    locate: () => source,
    definedAt(object, path) {
      // a finding on the definition itself (its site) points into it already
      if (object === 'ClusterDefinition') return refOf(synthesized.cluster.definition, { path: pointerSegments(path) });
      const valuesPointer = valuesPointerFor(object, path, synthesized.values);
      return refOf(synthesized.cluster.definition, { path: definitionPathOf(valuesPointer, spec) });
    },
    findings: [],
    rendered: true,
  };
}

export function hints(expectedNodes: number | undefined, maxPodsPerNode: number | undefined): ClusterCapacityHints {
  return {
    ...(expectedNodes !== undefined ? { expectedNodes } : {}),
    maxPodsPerNode: maxPodsPerNode ?? DEFAULT_MAX_PODS_PER_NODE,
  };
}
