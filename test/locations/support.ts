/** A small fleet whose mistakes sit in shared modules, in cluster files, and in values built by code. */
import { fleetProject } from '../support/cli';

export const files: Record<string, string> = {
  // as a fleet repository's: esbuild's build then starts its output with "use strict", its transform does not
  'tsconfig.json': '{ "compilerOptions": { "strict": true } }\n',
  'shared/routers.ts': [
    "import { defineRouter } from 'calico-gen';",
    '',
    "export const cr1 = defineRouter({ name: 'cr1', ipv4: '192.0.2.1', ipv6: '2001:db8::1', nodeSelector: 'all()' });",
    "export const cr2 = defineRouter({ name: 'cr2', ipv4: '192.0.2.1', ipv6: '2001:db8::2', nodeSelector: 'all()' });",
    '',
  ].join('\n'),
  'shared/group.ts': [
    "import { defineLayer } from 'calico-gen';",
    "import { cr1, cr2 } from './routers';",
    '',
    'export const group = defineLayer({',
    "  group: 'main',",
    "  calicoVersion: '3.30.7',",
    '  bgp: { asNumber: 64601, nodeToNodeMesh: false, peerAsNumber: 65000, asLoop: 1, peers: [cr1, cr2] },',
    "  typha: { resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } },",
    '});',
    '',
  ].join('\n'),
  'a.ts': [
    "import { defineCluster } from 'calico-gen';",
    "import { group } from './shared/group';",
    '',
    'export default defineCluster(group, {',
    "  name: 'a', site: 'ams', kubeContext: 'a',",
    "  ipPools: { ipv4: { cidr: '10.64.0.0/17' }, ipv6: { cidr: '2001:db8:a00:c000::/64' } },",
    '  ipam: { strictAffinity: true },',
    '});',
    '',
  ].join('\n'),
  'b.ts': [
    "import { defineCluster } from 'calico-gen';",
    "import { group } from './shared/group';",
    '',
    "const base = { cidr: '10.65.0.0/17', blockSize: 33 } as const;",
    '',
    'export default defineCluster(group, {',
    "  name: 'b', site: 'ams', kubeContext: 'b',",
    "  ipPools: { ipv4: { ...base } as any, ipv6: { cidr: '2001:db8:b00:c000::/64' } },",
    '});',
    '',
  ].join('\n'),
};

export const locationsFleet = (extra: Record<string, string> = {}) => fleetProject({ ...files, ...extra });

/** `file:line:column` of the first occurrence of `text` in one of the fleet's files (after `after`, when given). */
export function at(file: string, text: string, after?: string, content = files[file]!): string {
  const lines = content.split('\n');
  const from = after === undefined ? 0 : lines.findIndex((line) => line.includes(after));
  const index = lines.findIndex((line, i) => i >= from && line.includes(text));
  if (index < 0) throw new Error(`${text} is not in ${file}`);
  return `clusters/${file}:${index + 1}:${lines[index]!.indexOf(text) + 1}`;
}
