/**
 * The helmfile values tree (see docs/commands/import.md): which files each cluster's
 * `calico` release layers, lowest priority first, and which group each cluster belongs to.
 *
 *   common.yaml, common-bgp.yaml   fleet defaults and routers   → clusters/shared/fleet.ts, routers.ts
 *   <group>.yaml                   the cluster's group          → clusters/shared/groups/<group>.ts
 *   <cluster>/values.yaml,
 *   <cluster>/calico-values.yaml   the cluster itself           → clusters/<cluster>.ts
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError } from '../util/errors';
import { isDnsLabel } from '../core/kube';

export const FLEET_FILES = ['common.yaml', 'common-bgp.yaml'] as const;
export const CLUSTER_FILES = ['values.yaml', 'calico-values.yaml'] as const;
/** a cluster directory is one with this file */
export const CALICO_VALUES = 'calico-values.yaml';

export interface ClusterLayout {
  name: string;
  group: string;
  /** how the group was chosen, for the command's report */
  groupFrom: 'flag' | 'name';
  /** absolute paths, lowest priority first */
  files: string[];
}

export interface TreeLayout {
  valuesDir: string;
  fleetFiles: string[];
  groupFiles: Map<string, string>;
  clusters: ClusterLayout[];
}

/** `--group main=eqiad,codfw` → cluster → group. */
export function parseGroupFlags(flags: readonly string[]): Map<string, string> {
  const byCluster = new Map<string, string>();
  for (const flag of flags) {
    // a group is named after its file, which may hold spaces (quoted on the command line)
    const match = /^([^=]*[^=\s][^=]*)=(.+)$/.exec(flag);
    if (!match) throw new UserError(`--group ${JSON.stringify(flag)}: write GROUP=CLUSTER[,CLUSTER...], for example --group main=eqiad,codfw`);
    const [, group, list] = match;
    for (const cluster of list!.split(',').map((c) => c.trim()).filter(Boolean)) {
      const earlier = byCluster.get(cluster);
      if (earlier && earlier !== group) throw new UserError(`--group: cluster ${cluster} is in both ${earlier} and ${group}: a cluster has one group`);
      byCluster.set(cluster, group!);
    }
  }
  return byCluster;
}

export function readLayout(valuesDir: string, groupFlags: ReadonlyMap<string, string>): TreeLayout {
  if (!fs.existsSync(valuesDir) || !fs.statSync(valuesDir).isDirectory()) throw new UserError(`--values-dir ${valuesDir}: no such folder`);
  const entries = fs.readdirSync(valuesDir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const fleetFiles = FLEET_FILES.map((name) => path.join(valuesDir, name)).filter((file) => fs.existsSync(file));
  const groupFiles = new Map<string, string>();
  for (const entry of entries) {
    if (entry.isFile() && entry.name.endsWith('.yaml') && !(FLEET_FILES as readonly string[]).includes(entry.name)) {
      groupFiles.set(entry.name.slice(0, -'.yaml'.length), path.join(valuesDir, entry.name));
    }
  }
  const clusterNames = entries.filter((e) => e.isDirectory() && fs.existsSync(path.join(valuesDir, e.name, CALICO_VALUES))).map((e) => e.name);
  if (clusterNames.length === 0) throw new UserError(`${valuesDir}: no cluster folder with a ${CALICO_VALUES}: is this a helmfile values tree?`);
  checkClusterNames(clusterNames);
  checkFlags(groupFlags, clusterNames, groupFiles);
  const unassigned: string[] = [];
  const clusters: ClusterLayout[] = [];
  for (const name of clusterNames) {
    const flagged = groupFlags.get(name);
    const group = flagged ?? groupByName(name, groupFiles);
    if (!group) {
      unassigned.push(name);
      continue;
    }
    const own = CLUSTER_FILES.map((file) => path.join(valuesDir, name, file)).filter((file) => fs.existsSync(file));
    clusters.push({ name, group, groupFrom: flagged ? 'flag' : 'name', files: [...fleetFiles, groupFiles.get(group)!, ...own] });
  }
  if (unassigned.length > 0) {
    throw new UserError(
      `import: no group for cluster ${unassigned.join(', ')}: name it with --group GROUP=${unassigned.join(',')} (groups are the files ${[...groupFiles.keys()].map((g) => `${g}.yaml`).join(', ') || '(none)'})`,
    );
  }
  return { valuesDir, fleetFiles, groupFiles, clusters };
}

/**
 * A cluster folder's name becomes the cluster's name: its definition file, its generated/ folder,
 * its kube context. The definition schema takes DNS labels only, so anything else is refused
 * before any work, every such folder at once.
 */
function checkClusterNames(names: readonly string[]): void {
  const invalid = names.filter((name) => !isDnsLabel(name));
  if (invalid.length === 0) return;
  throw new UserError(
    `import: cluster folder${invalid.length > 1 ? 's' : ''} ${invalid.map((name) => JSON.stringify(name)).join(', ')}: a cluster's name (its folder's) must be a DNS label, ` +
      "lowercase letters, digits and '-', at most 63 characters: rename the folder, as the cluster is named in its kube context",
  );
}

function checkFlags(flags: ReadonlyMap<string, string>, clusters: readonly string[], groupFiles: ReadonlyMap<string, string>): void {
  for (const [cluster, group] of flags) {
    if (!clusters.includes(cluster)) throw new UserError(`--group ${group}=${cluster}: no folder ${cluster}/ with a ${CALICO_VALUES} (clusters are ${clusters.join(', ')})`);
    if (!groupFiles.has(group)) throw new UserError(`--group ${group}=${cluster}: no group file ${group}.yaml (groups are ${[...groupFiles.keys()].join(', ') || '(none)'})`);
  }
}

/** `ml-serve-eqiad` belongs to `ml-serve` when `ml-serve.yaml` is the one group file its name starts with. */
function groupByName(cluster: string, groupFiles: ReadonlyMap<string, string>): string | undefined {
  const candidates = [...groupFiles.keys()].filter((group) => cluster.startsWith(`${group}-`));
  return candidates.length === 1 ? candidates[0] : undefined;
}
