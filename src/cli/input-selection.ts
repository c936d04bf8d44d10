/**
 * Which clusters a `validate` or `capacity` command line names, in the order its options were
 * given:
 *
 *   --values common.yaml --values common-bgp.yaml \
 *   --cluster codfw --values main.yaml --values codfw/calico-values.yaml --expected-nodes 200 \
 *   --cluster eqiad --values main.yaml --values eqiad/calico-values.yaml
 *
 * Files (and capacity hints) before the first --cluster belong to every cluster, under the
 * cluster's own; each --cluster starts a cluster whose files follow it. Without any --values or
 * --manifests, --cluster only selects cluster definitions.
 */
import { parseArgs } from 'node:util';
import { commonOptions, maxInputSize, maxInputSizeFlag, usageError, type Flags } from './args';
import { UserError } from '../util/errors';
import type { ClusterFiles } from '../api/validate';

export interface InputSelection {
  /** no --values / --manifests: the cluster definitions, these ones (all when empty) */
  definitions?: string[];
  /** hand-written inputs: one entry per cluster, shared files already prepended */
  handWritten?: ClusterFiles[];
  /** --max-input-size: the largest input file read */
  maxInputBytes: number;
  options: Record<string, string | boolean | (string | boolean)[] | undefined>;
}

export const inputOptions = {
  cluster: { type: 'string', multiple: true, value: 'NAME', help: 'select a definition, or start a hand-written cluster whose files follow (repeatable)' },
  values: { type: 'string', multiple: true, value: 'FILE', path: true, help: 'a Helm values file (repeatable, lowest layer first)' },
  manifests: { type: 'string', multiple: true, value: 'FILE', path: true, help: 'Calico objects, multi-document YAML (repeatable)' },
  'expected-nodes': { type: 'string', multiple: true, value: 'N', help: 'nodes the hand-written cluster will grow to: enables the capacity check' },
  'max-pods': { type: 'string', multiple: true, value: 'N', help: "kubelet maxPods of the hand-written cluster's nodes (default 110)" },
  'max-input-size': maxInputSizeFlag('a values or manifest file'),
} as const satisfies Flags;

export function parseInputs(command: string, argv: string[], extra: Flags): InputSelection {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...commonOptions, ...inputOptions, ...extra }, allowPositionals: false, strict: true, tokens: true });
  } catch (error) {
    throw usageError(command, error);
  }
  const options = parsed.values as InputSelection['options'];
  const maxInputBytes = maxInputSize(options['max-input-size'] as string | undefined);
  const shared: ClusterFiles = { values: [], manifests: [] };
  const clusters: ClusterFiles[] = [];
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option' || token.value === undefined) continue;
    const current = clusters[clusters.length - 1] ?? shared;
    switch (token.name) {
      case 'cluster':
        clusters.push({ name: token.value, values: [], manifests: [] });
        break;
      case 'values':
        current.values.push(token.value);
        break;
      case 'manifests':
        current.manifests.push(token.value);
        break;
      case 'expected-nodes':
        current.expectedNodes = positiveInteger('--expected-nodes', token.value, 0);
        break;
      case 'max-pods':
        current.maxPodsPerNode = positiveInteger('--max-pods', token.value, 1);
        break;
    }
  }
  const handWritten = [shared, ...clusters].some((c) => c.values.length > 0 || c.manifests.length > 0);
  if (!handWritten) {
    if (shared.expectedNodes !== undefined || shared.maxPodsPerNode !== undefined || clusters.some((c) => c.expectedNodes !== undefined || c.maxPodsPerNode !== undefined)) {
      throw new UserError(`${command}: --expected-nodes and --max-pods go with --values or --manifests; a cluster definition sets capacity: { expectedNodes, maxPodsPerNode }`);
    }
    return { definitions: clusters.map((c) => c.name!), options, maxInputBytes };
  }
  if (clusters.length === 0) return { handWritten: [shared], options, maxInputBytes };
  const names = clusters.map((c) => c.name!);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated !== undefined) throw new UserError(`${command}: --cluster ${repeated} is given twice: give each cluster's files after one --cluster`);
  return {
    handWritten: clusters.map((cluster) => {
      if (shared.values.length + cluster.values.length + shared.manifests.length + cluster.manifests.length === 0) {
        throw new UserError(`${command}: --cluster ${cluster.name} has no --values or --manifests after it`);
      }
      return {
        name: cluster.name,
        values: [...shared.values, ...cluster.values],
        manifests: [...shared.manifests, ...cluster.manifests],
        expectedNodes: cluster.expectedNodes ?? shared.expectedNodes,
        maxPodsPerNode: cluster.maxPodsPerNode ?? shared.maxPodsPerNode,
      };
    }),
    options,
    maxInputBytes,
  };
}

function positiveInteger(flag: string, text: string, minimum: number): number {
  if (!/^\d+$/.test(text) || Number(text) < minimum || !Number.isSafeInteger(Number(text))) {
    throw new UserError(`${flag} ${JSON.stringify(text)} is not a whole number${minimum > 0 ? ` of at least ${minimum}` : ''}`);
  }
  return Number(text);
}
