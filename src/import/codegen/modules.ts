/**
 * The TypeScript files import writes, relative to the clusters folder:
 *   shared/routers.ts, shared/fleet.ts, shared/groups/<group>.ts, <cluster>.ts
 * Definitions import the API by the package's name, `calico-gen`, as a fleet repository with
 * calico-gen installed does (and as this repository's own example fleet does).
 */
import * as path from 'node:path';
import type { Router } from '../../model/definition';
import { CALICO_VALUES } from '../layout';
import type { ImportedFleet } from '../import';
import type { MappedLayer } from '../mapper';
import { PACKAGE, camelCase, commentLines, printCode, type Code } from './code';
import { routerCatalogue, type RouterCatalogue } from './routers';
import { toCode } from './to-code';

export interface GeneratedFile {
  /** relative to the clusters folder */
  path: string;
  content: string;
}

export function generateModules(fleet: ImportedFleet, command: readonly string[]): GeneratedFile[] {
  const header = (what: string, layer: MappedLayer | readonly string[]) => fileHeader(what, Array.isArray(layer) ? layer : (layer as MappedLayer).source.files.map((f) => f.file), command);
  const groups = [...fleet.groups];
  const catalogue = routerCatalogue(
    fleet.fleet,
    [...groups.map(([owner, layer]) => ({ owner, layer })), ...fleet.clusters.map((c) => ({ owner: c.layout.name, layer: c.layer }))],
    header('The BGP routers the fleet\'s nodes peer with, one constant per router.', fleet.fleet.routers.length > 0 ? routerFiles(fleet) : []),
  );
  const files: GeneratedFile[] = [];
  if (catalogue.source) files.push({ path: 'shared/routers.ts', content: catalogue.source });
  files.push({ path: 'shared/fleet.ts', content: layerModule(fleet.fleet, 'fleetDefaults', './routers', catalogue, header('Settings every cluster of the fleet shares.', fleet.fleet)) });
  for (const [group, layer] of groups) {
    files.push({
      path: `shared/groups/${group}.ts`,
      content: layerModule(layer, groupVariable(group), '../routers', catalogue, header(`The \`${group}\` group: what its clusters share.`, layer)),
    });
  }
  for (const cluster of fleet.clusters) {
    files.push({ path: `${cluster.layout.name}.ts`, content: clusterModule(cluster.layout.group, cluster.layer, catalogue, header(`Cluster ${cluster.layout.name}.`, cluster.layer)) });
  }
  return files;
}

export function groupVariable(group: string): string {
  return `${camelCase(group)}Group`;
}

function routerFiles(fleet: ImportedFleet): string[] {
  return fleet.fleet.source.files.filter((f) => 'BGPPeers' in f.data).map((f) => f.file);
}

/** `command` is the argument list of the import that wrote the file, one flag (and its value) per line. */
function fileHeader(what: string, files: readonly string[], command: readonly string[]): string {
  const from = files.length > 0 ? ` from ${files.join(', ')}` : '';
  return [
    '/**',
    ` * ${what}`,
    ' *',
    ` * Imported${from} by`,
    ...commandLines(command).map((line) => ` *   ${line}`),
    ' * This file is now the source: edit it, then run `calico-gen synth`.',
    ' */',
  ].join('\n');
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

function clusterModule(group: string, layer: MappedLayer, catalogue: RouterCatalogue, header: string): string {
  const { code, routerNames } = layerCode(layer, catalogue, trailingComment(layer));
  const lines = [
    header,
    `import { defineCluster } from '${PACKAGE}';`,
    "import { fleetDefaults } from './shared/fleet';",
    `import { ${groupVariable(group)} } from './shared/groups/${group}';`,
  ];
  if (routerNames.length > 0) lines.push(`import { ${routerNames.join(', ')} } from './shared/routers';`);
  const prefix = `export default defineCluster(fleetDefaults, ${groupVariable(group)}, `;
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
