/**
 * The TypeScript files import writes, relative to the clusters folder:
 *   shared/routers.ts, shared/fleet.ts, shared/groups/<group>.ts, <cluster>.ts
 * Definitions import the API by the package's name, `calico-gen`, as a fleet repository with
 * calico-gen installed does (and as this repository's own example fleet does).
 */
import * as path from 'node:path';
import type { Router } from '../../model/definition';
import { CALICO_VALUES, type TreeLayout } from '../layout';
import type { ImportedFleet } from '../import';
import type { MappedLayer } from '../mapper';
import { PACKAGE, camelCase, commentLines, printCode, quote, type Code } from './code';
import { routerCatalogue, type RouterCatalogue } from './routers';
import { toCode } from './to-code';

export interface GeneratedFile {
  /** relative to the clusters folder */
  path: string;
  content: string;
}

const ROUTERS = 'shared/routers.ts';
const FLEET = 'shared/fleet.ts';
const groupPath = (group: string) => `shared/groups/${group}.ts`;
const clusterPath = (cluster: string) => `${cluster}.ts`;

/** Every file import may write for this tree, known before any file is read: what must not exist yet. */
export function importTargets(layout: TreeLayout): string[] {
  const groups = [...new Set(layout.clusters.map((cluster) => cluster.group))].sort();
  return [ROUTERS, FLEET, ...groups.map(groupPath), ...layout.clusters.map((cluster) => clusterPath(cluster.name))];
}

export function generateModules(fleet: ImportedFleet, command: readonly string[]): GeneratedFile[] {
  const header = (what: string, layer: MappedLayer | readonly string[]) => fileHeader(what, Array.isArray(layer) ? layer : (layer as MappedLayer).source.files.map((f) => f.file), command);
  const groups = [...fleet.groups];
  const variables = groupVariables(groups.map(([group]) => group));
  const catalogue = routerCatalogue(
    fleet.fleet,
    [...groups.map(([owner, layer]) => ({ owner, layer })), ...fleet.clusters.map((c) => ({ owner: c.layout.name, layer: c.layer }))],
    header('The BGP routers the fleet\'s nodes peer with, one constant per router.', fleet.fleet.routers.length > 0 ? routerFiles(fleet) : []),
  );
  const files: GeneratedFile[] = [];
  if (catalogue.source) files.push({ path: ROUTERS, content: catalogue.source });
  files.push({ path: FLEET, content: layerModule(fleet.fleet, 'fleetDefaults', './routers', catalogue, header('Settings every cluster of the fleet shares.', fleet.fleet)) });
  for (const [group, layer] of groups) {
    files.push({
      path: groupPath(group),
      content: layerModule(layer, variables.get(group)!, '../routers', catalogue, header(`The \`${group}\` group: what its clusters share.`, layer)),
    });
  }
  for (const cluster of fleet.clusters) {
    const group = cluster.layout.group;
    files.push({ path: clusterPath(cluster.layout.name), content: clusterModule({ name: group, variable: variables.get(group)! }, cluster.layer, catalogue, header(`Cluster ${cluster.layout.name}.`, cluster.layer)) });
  }
  return files;
}

/**
 * Each group's variable (`mlServeGroup`): a group is named after its values file, which may hold
 * any character a file name can; names that come out the same get a number.
 */
export function groupVariables(groups: readonly string[]): Map<string, string> {
  const variables = new Map<string, string>();
  const taken = new Set<string>(['fleetDefaults', 'routers', 'allRouters', 'defineCluster', 'defineLayer']);
  for (const group of groups) {
    const base = `${camelCase(group)}Group`;
    let variable = base;
    for (let n = 2; taken.has(variable); n++) variable = `${base}${n}`;
    taken.add(variable);
    variables.set(group, variable);
  }
  return variables;
}

function routerFiles(fleet: ImportedFleet): string[] {
  return fleet.fleet.source.files.filter((f) => 'BGPPeers' in f.data).map((f) => f.file);
}

/**
 * `command` is the argument list of the import that wrote the file, one flag (and its value) per
 * line. File and folder names go into the comment: a `*\/` in one (a folder named `x*`) must not end it.
 */
function fileHeader(what: string, files: readonly string[], command: readonly string[]): string {
  const from = files.length > 0 ? ` from ${files.join(', ')}` : '';
  const lines = [what, '', `Imported${from} by`, ...commandLines(command).map((line) => `  ${line}`), 'This file is now the source: edit it, then run `calico-gen synth`.'];
  return ['/**', ...lines.map((line) => ` *${line ? ` ${line.replace(/\*\//g, '*\\/').replace(/[\r\n]/g, ' ')}` : ''}`), ' */'].join('\n');
}

function commandLines(command: readonly string[]): string[] {
  const lines: string[] = [];
  for (const arg of command) {
    if (arg.startsWith('-') || lines.length === 0) lines.push(arg);
    else lines[lines.length - 1] += ` ${arg}`;
  }
  return lines.map((line, i) => `${i > 0 ? '  ' : ''}${line}${i < lines.length - 1 ? ' \\' : ''}`);
}

function layerModule(layer: MappedLayer, variable: string, routersModule: string, catalogue: RouterCatalogue, header: string): string {
  const { code, routerNames } = layerCode(layer, catalogue);
  const lines = [header, `import { defineLayer } from '${PACKAGE}';`];
  if (routerNames.length > 0) lines.push(`import { ${routerNames.join(', ')} } from '${routersModule}';`);
  const prefix = `export const ${variable} = defineLayer(`;
  lines.push('', `${prefix}${printCode(code, '', prefix.length)});`);
  return `${lines.join('\n')}\n`;
}

function clusterModule(group: { name: string; variable: string }, layer: MappedLayer, catalogue: RouterCatalogue, header: string): string {
  const { code, routerNames } = layerCode(layer, catalogue, trailingComment(layer));
  const lines = [
    header,
    `import { defineCluster } from '${PACKAGE}';`,
    "import { fleetDefaults } from './shared/fleet';",
    `import { ${group.variable} } from ${quote(`./shared/groups/${group.name}`)};`,
  ];
  if (routerNames.length > 0) lines.push(`import { ${routerNames.join(', ')} } from './shared/routers';`);
  const prefix = `export default defineCluster(fleetDefaults, ${group.variable}, `;
  lines.push('', `${prefix}${printCode(code, '', prefix.length)});`);
  return `${lines.join('\n')}\n`;
}

/** Comments after the last key of the cluster's calico-values.yaml (often a setting left commented out). */
function trailingComment(layer: MappedLayer): string[] {
  const calicoValues = layer.source.files.find((f) => path.basename(f.file) === CALICO_VALUES);
  return commentLines(calicoValues?.trailingComment);
}

function layerCode(layer: MappedLayer, catalogue: RouterCatalogue, closing: string[] = []): { code: Code; routerNames: string[] } {
  const names = new Set<string>();
  const code = toCode(layer.model, layer.notes, (at, value) => {
    if (at.length !== 2 || at[0] !== 'bgp' || at[1] !== 'peers') return undefined;
    const peers = catalogue.peersCode(value as Router[]);
    peers.names.forEach((n) => names.add(n));
    return peers.code;
  });
  if (code.kind === 'object' && closing.length > 0) code.closingComments = [...(code.closingComments ?? []), ...closing];
  return { code, routerNames: [...names].sort() };
}
