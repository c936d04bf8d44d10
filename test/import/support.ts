/** Values trees for import tests, written to a temporary folder where calico-gen is installed. */
import * as fs from 'node:fs';
import { after } from 'node:test';
import * as path from 'node:path';
import * as ts from 'typescript';
import { installCalicoGen, tempDir } from '../support/cli';
import { importValuesTree, type ImportedFleet } from '../../src/import/import';
import { generateModules, type GeneratedFile } from '../../src/import/codegen/modules';
import { parseGroupFlags } from '../../src/import/layout';
import { ImportFailed, type ImportProblem } from '../../src/import/errors';
import { realworldValuesDir } from '../support/fixtures';

export const realValuesDir = realworldValuesDir;

/** The real fleet's groups, as test/fixtures/realworld/README.md lists them. */
export const realGroups: Record<string, string[]> = {
  main: ['eqiad', 'codfw', 'staging-eqiad', 'staging-codfw'],
  'ml-serve': ['ml-serve-eqiad', 'ml-serve-codfw', 'ml-staging-codfw'],
  'dse-k8s': ['dse-k8s-eqiad', 'dse-k8s-codfw'],
  'aux-k8s': ['aux-k8s-eqiad', 'aux-k8s-codfw'],
};

export const groupFlags = (groups: Record<string, string[]>) => Object.entries(groups).map(([group, clusters]) => `${group}=${clusters.join(',')}`);

/**
 * A project folder: `values/` holding the given files, and calico-gen installed, so that
 * definitions written to `clusters/` resolve `calico-gen` as in a fleet repository.
 */
const created: string[] = [];
after(() => created.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

export function valuesProject(files: Record<string, string>): string {
  const dir = tempDir('import');
  created.push(dir);
  installCalicoGen(dir);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, 'values', name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}

/** The smallest sensible tree: fleet defaults, routers, one group, two clusters. */
export const smallTree = (): Record<string, string> => ({
  'common.yaml': 'namespaces: {}\nIPAMConfig:\n  # no borrowing\n  strictAffinity: true\nGlobalNetworkPolicies: {}\n',
  'common-bgp.yaml': [
    'PeerAS: 65000',
    'ASLoop: 1',
    'BGPPeers:',
    '  cr1-ams:',
    '    ipv4: 192.0.2.1',
    '    ipv6: "2001:db8::1"',
    "    nodeSelector: (topology.kubernetes.io/region == 'ams' && topology.kubernetes.io/zone in {'a', 'b'})",
    '  cr2-ams:',
    '    ipv4: 192.0.2.2',
    '    ipv6: "2001:db8::2"',
    "    nodeSelector: (topology.kubernetes.io/region == 'ams' && topology.kubernetes.io/zone in {'a', 'b'})",
    '  # the first rack',
    '  lsw1-a1-ams:',
    '    ipv4: 10.10.1.1',
    '    ipv6: "2001:db8:1::1"',
    "    nodeSelector: (topology.kubernetes.io/region == 'ams' && topology.kubernetes.io/zone == 'row-a1')",
    '',
  ].join('\n'),
  'main.yaml': [
    'cluster_group: main',
    'GlobalNetworkPolicies:',
    '  default-deny:',
    "    namespaceSelector: 'has(projectcalico.org/name)'",
    '    types: [Ingress, Egress]',
    'typha:',
    '  resources:',
    '    limits:',
    '      cpu: ~',
    '',
  ].join('\n'),
  'ams-main/values.yaml': 'chartVersions:\n  wmf-stable/calico: ~\n',
  'ams-main/calico-values.yaml': [
    'BGPConfiguration:',
    '  asNumber: 64601',
    '  nodeToNodeMeshEnabled: false',
    'IPPools:',
    '  ipv4:',
    '    cidr: "10.64.0.0/17"',
    '  ipv6:',
    '    cidr: "2001:db8:a00::/64"',
    'calicoNode:',
    '  resources:',
    '    limits:',
    '      memory: ~',
    '# MTU of the data-centre network minus IPIP',
    'veth_mtu: "1460"',
    '',
  ].join('\n'),
  'main-fra/calico-values.yaml': [
    'BGPConfiguration:',
    '  asNumber: 64602',
    '  nodeToNodeMeshEnabled: false',
    'IPPools:',
    '  ipv4:',
    '    cidr: "10.72.0.0/17"',
    '    blockSize: 27',
    '  ipv6:',
    '    cidr: "2001:db8:f00::/64"',
    'typha:',
    '  replicaCount: 3',
    '',
  ].join('\n'),
});

export function importTree(dir: string, groups: readonly string[] = ['main=ams-main']): Promise<ImportedFleet> {
  return importValuesTree({ valuesDir: 'values', groups: parseGroupFlags(groups), cwd: dir });
}

/** The problems import reports, or a failed assertion when it succeeds. */
export async function importProblems(dir: string, groups: readonly string[] = ['main=ams-main']): Promise<ImportProblem[]> {
  try {
    await importTree(dir, groups);
  } catch (error) {
    if (error instanceof ImportFailed) return [...error.problems];
    throw error;
  }
  throw new Error('import succeeded where it should have failed');
}

export function writeModules(dir: string, files: readonly GeneratedFile[]): string {
  const clustersDir = path.join(dir, 'clusters');
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(clustersDir, file.path)), { recursive: true });
    fs.writeFileSync(path.join(clustersDir, file.path), file.content);
  }
  return clustersDir;
}

export async function importAndWrite(dir: string, groups: readonly string[] = ['main=ams-main']): Promise<{ fleet: ImportedFleet; files: GeneratedFile[]; clustersDir: string }> {
  const fleet = await importTree(dir, groups);
  const files = generateModules(fleet, ['calico-gen', 'import', '--values-dir', 'values']);
  return { fleet, files, clustersDir: writeModules(dir, files) };
}

/** Type errors of the definitions, checked as `npm run typecheck` checks clusters/ (strict). */
export function typeErrors(clustersDir: string): string[] {
  const files = fs.readdirSync(clustersDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => path.join(clustersDir, f));
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    lib: ['lib.es2022.d.ts'],
    types: [],
    skipLibCheck: true,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: ` : '';
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}
